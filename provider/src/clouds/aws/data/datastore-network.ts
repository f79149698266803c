/**
 * The network access of a managed database or cache: a security group whose only rule admits the
 * project's services (the members security group) on the one port the data store listens on.
 * It has no egress rule: a data store answers connections and opens none (the AWS default
 * allow-all egress rule is removed when the group is created).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AwsInfrastructure } from "../types";

export { datastorePort } from "./datastore-port";

export interface DatastoreSecurityGroupArgs {
    /** The component's name: the group is `${name}-sg`, its rule `${name}-ingress-<port>`. */
    name: string;
    /** What the group guards, for its description, e.g. `Postgres db`. */
    what: string;
    port: number;
    infra: AwsInfrastructure;
    opts: pulumi.CustomResourceOptions;
}

/** The security group of a data store, admitting only the project's services on `port`. */
export function datastoreSecurityGroup(args: DatastoreSecurityGroupArgs): aws.ec2.SecurityGroup {
    const { name, infra, port, opts } = args;
    const sg = new aws.ec2.SecurityGroup(`${name}-sg`, { vpcId: infra.vpcId, description: securityGroupDescription(`${args.what}: TCP ${port} from project services only`), tags: infra.tags }, opts);
    new aws.vpc.SecurityGroupIngressRule(
        `${name}-ingress-${port}`,
        {
            securityGroupId: sg.id,
            referencedSecurityGroupId: infra.membersSecurityGroupId,
            ipProtocol: "tcp",
            fromPort: port,
            toPort: port,
            description: "Project services",
            tags: infra.tags,
        },
        opts,
    );
    return sg;
}

/** `text` with only the characters EC2 accepts in a security group description (no quotes), at most 255. */
export function securityGroupDescription(text: string): string {
    return text.replace(/[^a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]/g, "-").slice(0, 255);
}
