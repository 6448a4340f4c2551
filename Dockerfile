# syntax=docker/dockerfile:1
# TaskChat's three services from one Dockerfile: build one with its target.
#   docker build --target mcp -t taskchat-mcp .
#   docker build --target api -t taskchat-api .
#   docker build --target web -t taskchat-web .
# Every image also runs `migrate` (apply migrations to DATABASE_URL, exit 0/1) and
# `probe URL` (exit 0 when URL answers 2xx): no shell, curl or SDK in the final image.
# See docs/deploy.md.

ARG DOTNET_VERSION=10.0

# --- restore: only the files restore reads, so the package layer survives source edits ---------------
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS restore
# The platform being built for (amd64, arm64; set by BuildKit, amd64 when a builder does not): the
# services are published ReadyToRun, precompiled for it, which needs a runtime identifier from restore
# onwards (-a maps amd64 to x64). An ARG lasts one stage: each publish stage declares it again.
ARG TARGETARCH
WORKDIR /src
# .editorconfig is part of the build: without it the analyzers fail on the generated migrations.
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props .editorconfig ./
COPY src/TaskChat.Contract/TaskChat.Contract.csproj src/TaskChat.Contract/
COPY src/TaskChat.Data/TaskChat.Data.csproj src/TaskChat.Data/
COPY src/TaskChat.ServiceDefaults/TaskChat.ServiceDefaults.csproj src/TaskChat.ServiceDefaults/
COPY src/TaskChat.Mcp/TaskChat.Mcp.csproj src/TaskChat.Mcp/
COPY src/TaskChat.Agent/TaskChat.Agent.csproj src/TaskChat.Agent/
COPY src/TaskChat.Api/TaskChat.Api.csproj src/TaskChat.Api/
COPY src/TaskChat.Web/TaskChat.Web.csproj src/TaskChat.Web/
RUN dotnet restore src/TaskChat.Mcp/TaskChat.Mcp.csproj -a ${TARGETARCH:-amd64} -p:PublishReadyToRun=true \
 && dotnet restore src/TaskChat.Api/TaskChat.Api.csproj -a ${TARGETARCH:-amd64} -p:PublishReadyToRun=true \
 && dotnet restore src/TaskChat.Web/TaskChat.Web.csproj -a ${TARGETARCH:-amd64} -p:PublishReadyToRun=true

# --- build: the shared projects compile once for all three services -----------------------------------
FROM restore AS build
# The services and the projects they reference only: a change to the launcher or the tests rebuilds nothing.
COPY src/TaskChat.Contract/ src/TaskChat.Contract/
COPY src/TaskChat.Data/ src/TaskChat.Data/
COPY src/TaskChat.ServiceDefaults/ src/TaskChat.ServiceDefaults/
COPY src/TaskChat.Mcp/ src/TaskChat.Mcp/
COPY src/TaskChat.Agent/ src/TaskChat.Agent/
COPY src/TaskChat.Api/ src/TaskChat.Api/
COPY src/TaskChat.Web/ src/TaskChat.Web/
RUN dotnet build src/TaskChat.Data/TaskChat.Data.csproj -c Release --no-restore

# --- publish, one stage per service: a target's build runs only its own (Render builds each alone) ---
# ReadyToRun: the packages' and our own code precompiled, so a container starts with about 40% less
# CPU before it is ready (docs/performance.md); framework-dependent, on the aspnet base image.
FROM build AS publish-mcp
ARG TARGETARCH
RUN dotnet publish src/TaskChat.Mcp/TaskChat.Mcp.csproj -c Release -a ${TARGETARCH:-amd64} --self-contained false -p:PublishReadyToRun=true --no-restore -o /app /p:UseAppHost=false

FROM build AS publish-api
ARG TARGETARCH
RUN dotnet publish src/TaskChat.Api/TaskChat.Api.csproj -c Release -a ${TARGETARCH:-amd64} --self-contained false -p:PublishReadyToRun=true --no-restore -o /app /p:UseAppHost=false

FROM build AS publish-web
ARG TARGETARCH
RUN dotnet publish src/TaskChat.Web/TaskChat.Web.csproj -c Release -a ${TARGETARCH:-amd64} --self-contained false -p:PublishReadyToRun=true --no-restore -o /app /p:UseAppHost=false

# --- runtime: ASP.NET Core only, non-root, listening on all interfaces --------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS runtime
WORKDIR /app
# The services read HOST and PORT (not ASPNETCORE_HTTP_PORTS); production logs are JSON by default.
ENV HOST=0.0.0.0 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# APP_UID (1654, user "app") is defined by the .NET base images.
USER $APP_UID

FROM runtime AS mcp
ENV PORT=8001
EXPOSE 8001
COPY --from=publish-mcp /app ./
HEALTHCHECK --interval=10s --timeout=6s --start-period=20s --retries=3 \
  CMD ["dotnet", "TaskChat.Mcp.dll", "probe", "http://127.0.0.1:8001/health/ready"]
ENTRYPOINT ["dotnet", "TaskChat.Mcp.dll"]

FROM runtime AS api
ENV PORT=8000
EXPOSE 8000
COPY --from=publish-api /app ./
HEALTHCHECK --interval=10s --timeout=6s --start-period=20s --retries=3 \
  CMD ["dotnet", "TaskChat.Api.dll", "probe", "http://127.0.0.1:8000/health/ready"]
ENTRYPOINT ["dotnet", "TaskChat.Api.dll"]

FROM runtime AS web
ENV PORT=3000
EXPOSE 3000
COPY --from=publish-web /app ./
HEALTHCHECK --interval=10s --timeout=6s --start-period=20s --retries=3 \
  CMD ["dotnet", "TaskChat.Web.dll", "probe", "http://127.0.0.1:3000/health/ready"]
ENTRYPOINT ["dotnet", "TaskChat.Web.dll"]

# --- render: the default (last) stage, all three services in one image --------------------------------
# Render's blueprint builds a Dockerfile's last stage (it has no build target), so this stage carries
# the three published services and render.yaml picks one with dockerCommand, e.g.
# `dotnet /app/api/TaskChat.Api.dll`. Elsewhere, build the per-service targets above.
FROM runtime AS render
COPY --from=publish-mcp /app ./mcp/
COPY --from=publish-api /app ./api/
COPY --from=publish-web /app ./web/
CMD ["dotnet", "/app/web/TaskChat.Web.dll", "--contentRoot=/app/web"]
