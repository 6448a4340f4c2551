using System.Data.Common;

namespace TaskChat.Data.Connection;

/// <summary>Named parameters for the few statements the data layer sends as plain ADO.NET, whichever the provider.</summary>
public static class DbCommandParameters
{
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
