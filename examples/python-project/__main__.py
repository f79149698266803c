"""A compose file and a lone service on AWS, from Python, through the defang provider plugin.

The `pulumi_defang` package is generated from schema.json (`make sdks`, or `pulumi package add`
with the plugin installed).
"""
import pulumi
import pulumi_defang as defang

# The whole compose file of the YAML example as one stack.
notes = defang.DefangProject("notes", compose_file="../yaml-project/compose.yaml")

# One more service, next to the project, written in Python.
status = defang.DefangService(
    "status",
    image="louislam/uptime-kuma:1",
    ports=[defang.PortArgs(target=3001, mode=defang.PortMode.INGRESS)],
    environment=[
        defang.EnvironmentVariableArgs(name="TZ", value="UTC"),
        defang.EnvironmentVariableArgs(name="STATUS_TOKEN"),  # pulumi config set --secret STATUS_TOKEN ...
    ],
    deploy=defang.DeployArgs(replicas=1),
)

pulumi.export("endpoints", notes.endpoints)
pulumi.export("status", status.endpoints[0])
