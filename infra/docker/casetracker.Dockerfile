# The CaseTracker host (assembly `casetracker`) for docker-compose.
# Build context is the repository root: the project references its siblings
# and the central build props (Directory.*.props, global.json).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish services/CaseTracker/CaseTracker.csproj -c Release -o /app -p:UseAppHost=false

# Runtime image: ASP.NET shared framework only, listens on 8080 (image default).
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# serve binds 127.0.0.1 by default; in a container it must listen on every interface.
ENTRYPOINT ["dotnet", "casetracker.dll", "serve", "--urls", "http://0.0.0.0:8080"]
