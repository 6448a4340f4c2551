using System.Net;
using System.Net.Sockets;

namespace TaskChat.Web.Auth.Throttling;

/// <summary>
/// Who a request comes from, as the limits count it: the connection's address, which is the client's
/// own behind a proxy only when TRUSTED_PROXIES names that proxy (forwarded headers). An IPv6 client
/// is counted by its /64: one host usually has the whole prefix and could otherwise take a fresh
/// address for every attempt.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown"; // An in-memory test server: one shared partition.
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
