// An outside MCP client built only from the official TypeScript SDK (@modelcontextprotocol/sdk):
// its Streamable HTTP transport and its OAuth client provider do the discovery (401 -> protected
// resource metadata -> authorization server metadata), the dynamic client registration, PKCE and the
// token exchange. The person's browser step is the caller's: this script prints
//   AUTHORIZE <authorization URL>
// and reads one line back from stdin: the URL the browser was redirected to. It then lists the tools,
// adds a task, lists the tasks, and prints
//   RESULT <json>
// Usage: node client.mjs <mcp endpoint URL> <redirect URL> <task title>
import { createInterface } from "node:readline";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";

const [endpoint, redirectUrl, title] = process.argv.slice(2);
if (!endpoint || !redirectUrl || !title) {
  console.error("usage: node client.mjs <mcp endpoint URL> <redirect URL> <task title>");
  process.exit(2);
}

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

/** Everything a real client keeps between runs, kept in memory for this one. */
class InMemoryOAuthProvider {
  #client;
  #tokens;
  #verifier;
  get redirectUrl() { return redirectUrl; }
  get clientMetadata() {
    return {
      client_name: "TaskChat end-to-end (TypeScript SDK)",
      redirect_uris: [redirectUrl],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }
  clientInformation() { return this.#client; }
  saveClientInformation(info) { this.#client = info; console.log(`REGISTERED ${info.client_id}`); }
  tokens() { return this.#tokens; }
  saveTokens(tokens) { this.#tokens = tokens; console.log(`TOKENS scope=${tokens.scope ?? ""} expires_in=${tokens.expires_in ?? ""}`); }
  redirectToAuthorization(url) { console.log(`AUTHORIZE ${url.href}`); }
  saveCodeVerifier(verifier) { this.#verifier = verifier; }
  codeVerifier() { return this.#verifier; }
}

const provider = new InMemoryOAuthProvider();
const connect = async () => {
  const client = new Client({ name: "taskchat-e2e-ts", version: "0.1.0" });
  const transport = new StreamableHTTPClientTransport(new URL(endpoint), { authProvider: provider });
  await client.connect(transport);
  return { client, transport };
};

let connection;
try {
  connection = await connect();
} catch (error) {
  if (!(error instanceof UnauthorizedError)) throw error;
  // The provider printed AUTHORIZE; the browser signs in and allows, and we get the redirect back.
  const { value: redirected } = await lines.next();
  const code = new URL(redirected.trim()).searchParams.get("code");
  if (!code) {
    console.log(`RESULT ${JSON.stringify({ error: "no code", redirected })}`);
    process.exit(1);
  }
  const transport = new StreamableHTTPClientTransport(new URL(endpoint), { authProvider: provider });
  await transport.finishAuth(code);
  connection = await connect();
}

const { client } = connection;
const tools = (await client.listTools()).tools.map((t) => t.name).sort();
const added = await client.callTool({ name: "add_task", arguments: { title } });
const listed = await client.callTool({ name: "list_tasks", arguments: {} });
const titles = JSON.parse(listed.content[0].text).data.tasks.map((t) => t.title);
console.log(`RESULT ${JSON.stringify({ tools, added_is_error: added.isError === true, titles })}`);
await client.close();
process.exit(0);
