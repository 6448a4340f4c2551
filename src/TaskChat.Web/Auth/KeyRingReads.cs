using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using TaskChat.Data;

namespace TaskChat.Web.Auth;

/// <summary>
/// Data Protection's keys in the database (<c>data_protection_keys</c>), read with one plain SQL
/// statement. EF Core's repository reads them with a LINQ query, and as the web's first query at start
/// (Data Protection loads the key ring before the host starts) that compiled EF Core's whole query
/// pipeline on the way to ready: about 1,800 methods through the JIT (issue 13, session 19). Storing
/// a new key (one every 90 days) stays with EF Core's repository, which this wraps.
/// </summary>
internal sealed class KeyRingReads(IXmlRepository efCore, IServiceProvider services, ILogger<KeyRingReads> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<TaskChatDbContext>().Database;
        // Data Protection's interface is synchronous (it reads the ring once, then every 24 hours or on a miss).
        database.OpenConnection();
        try
        {
            using var command = database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT id, xml FROM data_protection_keys WHERE xml IS NOT NULL ORDER BY id";
            using var reader = command.ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read())
            {
                // As EF Core's repository does: a row that is not XML is skipped and said, not fatal.
                try
                {
                    elements.Add(XElement.Parse(reader.GetString(1)));
                }
                catch (XmlException e)
                {
                    // The row's id and the parser's complaint only: the XML is a key.
                    logger.LogWarning("Data Protection key row {Id} is not valid XML ({Error}) and was skipped.", reader.GetInt32(0), e.Message);
                }
            }
            return elements;
        }
        finally
        {
            database.CloseConnection();
        }
    }

    public void StoreElement(XElement element, string friendlyName) => efCore.StoreElement(element, friendlyName);
}
