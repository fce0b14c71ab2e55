# LitigationTracker, the second service, for docker-compose.
# Build context is the repository root (see casetracker.Dockerfile).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish services/LitigationTracker/LitigationTracker.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Default assembly name = project name; adjust if the project sets <AssemblyName>.
ENTRYPOINT ["dotnet", "LitigationTracker.dll"]
