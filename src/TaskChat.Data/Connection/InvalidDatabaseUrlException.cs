namespace TaskChat.Data.Connection;

/// <summary>DATABASE_URL could not be understood. The message names the variable and never holds its value.</summary>
public sealed class InvalidDatabaseUrlException(string message) : FormatException(message);
