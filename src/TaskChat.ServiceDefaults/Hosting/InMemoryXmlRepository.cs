using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace TaskChat.ServiceDefaults.Hosting;

/// <summary>
/// Data Protection keys that live and die with the process, for the api and the mcp
/// (<see cref="Authentication.ProcessDataProtection"/>). Nothing there asks the key manager for a key
/// (the ephemeral provider has its own, and the key ring is not read at start), but should something
/// ever do, the key stays in memory instead of being written under the user's profile (or a warning
/// in a container without one).
/// </summary>
internal sealed class InMemoryXmlRepository : IXmlRepository
{
    private readonly List<XElement> _elements = [];
    private readonly Lock _gate = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_gate)
        {
            return [.. _elements.Select(e => new XElement(e))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_gate)
        {
            _elements.Add(new XElement(element));
        }
    }
}
