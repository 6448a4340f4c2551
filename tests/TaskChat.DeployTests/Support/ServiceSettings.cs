using Microsoft.Extensions.Configuration;
using TaskChat.Api;
using TaskChat.Data.Hosting;
using TaskChat.ServiceDefaults.Configuration;
using TaskChat.TestSupport;
using TaskChat.Web;

namespace TaskChat.DeployTests.Support;

/// <summary>The three services as the deploy files name them.</summary>
public enum Service
{
    Mcp,
    Api,
    Web,
}

/// <summary>
/// Runs a service's own start-up validation (the shared settings and its own, as its Program does)
/// over the variables a deploy file gives it: what the service would refuse is what the test reports,
/// so the required variables come from the code, not from a list kept beside it.
/// </summary>
internal static class ServiceSettings
{
    public static readonly Service[] All = [Service.Mcp, Service.Api, Service.Web];

    public static ServiceInfo Info(Service service) => ServiceInfo.Of(Kind(service));

    public static TaskChatService Kind(Service service) => service switch
    {
        Service.Mcp => TaskChatService.Mcp,
        Service.Api => TaskChatService.Api,
        _ => TaskChatService.Web,
    };

    /// <summary>The contract's port, which the image sets as PORT.</summary>
    public static int Port(Service service) => Info(service).DefaultPort;

    public static string Dll(Service service) => $"TaskChat.{service}.dll";

    public static string Image(Service service) => $"taskchat-{service.ToString().ToLowerInvariant()}";

    /// <returns>The problems the service would refuse to start with; empty when it would start.</returns>
    public static IReadOnlyList<string> Problems(Service service, IReadOnlyDictionary<string, string> variables)
    {
        using var certificate = StandInCertificate.For(variables);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(variables.Select(v => new KeyValuePair<string, string?>(v.Key, certificate?.Replace(v.Key, v.Value) ?? v.Value)))
            .Build();
        // As the service's Program reads them: the shared variables, the database's, then its own.
        var settings = new ServiceConfiguration(configuration, Info(service));
        settings.ReadDatabase();
        switch (service)
        {
            case Service.Api:
                ApiSettings.Read(settings.Reader, settings.Shared);
                break;
            case Service.Web:
                WebSettings.Read(settings.Reader);
                break;
        }
        return settings.Problems;
    }

    /// <summary>What every image sets (Dockerfile, PublishContainer): listen on all interfaces, on the service's port.</summary>
    public static Dictionary<string, string> ImageVariables(Service service) => new()
    {
        ["HOST"] = "0.0.0.0",
        ["PORT"] = Port(service).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static Service? FromDll(string? command) =>
        All.Cast<Service?>().FirstOrDefault(s => command is not null && command.Contains(Dll(s!.Value), StringComparison.Ordinal));
}

/// <summary>
/// The key ring certificates are secret files mounted where the deploy file says (KEY_RING_CERTIFICATE,
/// KEY_RING_PREVIOUS_CERTIFICATES): a generated one stands in at each path, so the web's rules run
/// over everything else as they would in the container.
/// </summary>
internal sealed class StandInCertificate : IDisposable
{
    private readonly TestCertificate _certificate;

    private StandInCertificate(string? password) => _certificate = TestCertificate.Create(password);

    public static StandInCertificate? For(IReadOnlyDictionary<string, string> variables) =>
        variables.ContainsKey(KeyRingCertificates.Variable)
            ? new StandInCertificate(variables.GetValueOrDefault(KeyRingCertificates.PasswordVariable))
            : null;

    /// <summary>The variable's value with every certificate path pointing at the stand-in.</summary>
    public string Replace(string name, string value) => name switch
    {
        KeyRingCertificates.Variable when value.Length > 0 => _certificate.Path,
        KeyRingCertificates.PreviousVariable => string.Join(',', value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(_ => _certificate.Path)),
        _ => value,
    };

    public void Dispose() => _certificate.Dispose();
}
