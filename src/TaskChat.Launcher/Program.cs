using TaskChat.Launcher.Commands;
using TaskChat.Launcher.Deployed;

// The local launcher: `run` (the default) migrates the database and starts every service; `migrate`,
// `doctor` and `help` are the other commands (docs/launcher.md).
return args switch
{
    [] or ["run"] => await RunCommand.RunAsync(),
    ["migrate"] => await MigrateCommand.RunAsync(),
    ["doctor"] => await DoctorCommand.RunAsync(),
    ["doctor", .. var deployed] => await DeployedDoctorCommand.RunAsync(deployed),
    ["help" or "-h" or "--help"] => HelpCommand.Run(),
    _ => HelpCommand.Unknown(args),
};
