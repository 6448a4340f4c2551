// Checks every object of rendered Kubernetes manifests (stdin: `kubectl kustomize` output) against
// the Kubernetes OpenAPI schemas in kubernetes-models: required fields, types, enums, formats.
// Unknown fields are not this check's job (those schemas allow them): TaskChat.DeployTests rejects
// them against KubernetesClient's typed models. Exit 1, naming the object and the path, on any error.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const source = readFileSync(0, "utf8");
let failures = 0;
let checked = 0;
for (const document of parseAllDocuments(source)) {
  const object = document.toJS();
  if (!object) continue;
  const { apiVersion, kind } = object;
  const name = `${kind}/${object.metadata?.name ?? "?"}`;
  // kustomize wraps long base64 values over lines; the API server's decoder (Go's base64) skips
  // line breaks, the schema's "byte" format does not: compare what the server will read.
  if (kind === "Secret" && object.data) {
    for (const key of Object.keys(object.data)) object.data[key] = String(object.data[key]).replace(/\s+/g, "");
  }
  // "apps/v1" → kubernetes-models/apps/v1/Deployment; core "v1" → kubernetes-models/v1/Service.
  const modulePath = `kubernetes-models/${apiVersion}/${kind}`;
  let Model;
  try {
    ({ [kind]: Model } = await import(modulePath));
  } catch {
    console.error(`✗ ${name}: no schema for ${apiVersion} ${kind}`);
    failures++;
    continue;
  }
  try {
    new Model(object).validate();
    checked++;
  } catch (error) {
    console.error(`✗ ${name}: ${error.message}`);
    failures++;
  }
}
if (checked + failures === 0) {
  console.error("✗ no objects in the input");
  process.exit(1);
}
console.log(`${checked} object(s) valid, ${failures} invalid`);
process.exit(failures === 0 ? 0 : 1);
