namespace TaskChat.Web.Mail;

public static class MailExtensions
{
    /// <summary>The mail queue and its delivery, by SMTP or to a folder (<see cref="MailSettings"/>); nothing is sent when mail is off.</summary>
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder, WebSettings web)
    {
        builder.Services.AddSingleton(web.Mail);
        builder.Services.AddSingleton<MailOutbox>();
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
