using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TaskChat.Web.Mail;

public static class MailExtensions
{
    /// <summary>
    /// The mail queue and its delivery, by SMTP or to a folder (<see cref="MailSettings"/>); nothing is sent when mail is off.
    /// <c>/health</c> says whether the last message went out (<see cref="MailHealth"/>).
    /// </summary>
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder, WebSettings web)
    {
        builder.Services.AddSingleton(web.Mail);
        builder.Services.AddSingleton<MailOutbox>();
        builder.Services.AddSingleton<MailHealth>();
        // In /health only (the full report): /health/ready takes the ready tag, /api/health the backend alone.
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(MailHealth.Name, services => services.GetRequiredService<MailHealth>(), failureStatus: null, tags: null));
        if (web.Mail.Kind == MailDeliveryKind.Off)
        {
            return builder;
        }
        builder.Services.AddSingleton<IMailTransport>(services => web.Mail.Kind == MailDeliveryKind.Smtp
            ? new SmtpTransport(web.Mail)
            : new FolderTransport(web.Mail, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<MailDelivery>();
        return builder;
    }
}
