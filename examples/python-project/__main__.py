"""A database, a cache and a service on AWS, from Python, through the defang provider plugin.

The `pulumi_defang` package is generated from schema.json (`make sdks`, or `pulumi package add`
with the plugin installed); see README.md.
"""
import pulumi
import pulumi_defang as defang

db = defang.DefangPostgres(
    "database",
    image="postgres:17",
    environment=[defang.EnvironmentVariableArgs(name="POSTGRES_PASSWORD")],  # pulumi config set --secret POSTGRES_PASSWORD ...
)

cache = defang.DefangRedis("cache", image="valkey/valkey:8")

app = defang.DefangService(
    "app",
    image="ghcr.io/example/notes-api:1.4.2",
    ports=[defang.PortArgs(target=8080, mode=defang.PortMode.INGRESS)],
    environment=[
        defang.EnvironmentVariableArgs(name="NODE_ENV", value="production"),
        # Outputs of the other components: kept secret into the service's secret store.
        defang.EnvironmentVariableArgs(name="DATABASE_URL", value=db.url),
        defang.EnvironmentVariableArgs(name="REDIS_URL", value=cache.url),
        defang.EnvironmentVariableArgs(name="API_KEY"),  # pulumi config set --secret API_KEY ...
    ],
    deploy=defang.DeployArgs(
        replicas=2,
        resources=defang.DeployResourcesArgs(reservations=defang.ResourceSizeArgs(cpu="0.5", memory="1G")),
    ),
    healthcheck=defang.HealthcheckArgs(test=["CMD", "curl", "-f", "http://localhost:8080/health"]),
)

pulumi.export("endpoint", app.endpoints[0])
pulumi.export("database_host", db.host)
