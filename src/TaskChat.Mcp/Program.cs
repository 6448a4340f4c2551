using TaskChat.Mcp;
using TaskChat.ServiceDefaults.Hosting;

// The mcp service: the task tools over MCP Streamable HTTP at /mcp (see McpApp for its shape).
return await ServiceHost.RunAsync(() => McpApp.Build(args));
