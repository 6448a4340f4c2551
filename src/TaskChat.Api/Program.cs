using TaskChat.Api;
using TaskChat.ServiceDefaults.Hosting;

// The api service: REST tasks and conversations, and the chat agent over MCP (see ApiApp for its shape).
return await ServiceHost.RunAsync(() => ApiApp.Build(args));
