using TaskChat.ServiceDefaults.Hosting;
using TaskChat.Web;

// The web service: sign-in, the JWT issuer and its JWKS, and the Blazor pages (see WebApp for its shape).
return await ServiceHost.RunAsync(() => WebApp.Build(args));
