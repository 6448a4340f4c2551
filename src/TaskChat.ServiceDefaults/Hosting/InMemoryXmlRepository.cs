using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace TaskChat.ServiceDefaults.Hosting;

/// <summary>
/// Data Protection keys that live and die with the process. AddAuthentication brings Data
/// Protection along, and its start-up service would otherwise write a key file under the user's
/// profile (or warn in a container without one) for a service that protects nothing.
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
