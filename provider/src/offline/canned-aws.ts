/**
 * Plausible AWS outputs for resources registered offline (under the SDK's mock monitor): the
 * values a real create would return that components read back (ARNs, DNS names, endpoints).
 */
import { unwrapSecrets } from "./secret-values";

/** The region the canned outputs are in. The tests use the default; the offline plan uses the priced region. */
let region = "us-west-2";

/** Makes canned outputs (ARNs, DNS names, zones) name `r`, e.g. "us-east-1". */
export function useCannedAwsRegion(r: string): void {
    region = r;
}

/** "usw2" for "us-west-2", as ElastiCache endpoints and zone ids abbreviate regions. */
function shortRegion(): string {
    const [geo, dir, n] = region.split("-");
    if (dir === undefined) throw new Error(`canned AWS outputs: "${region}" is not an AWS region (like us-west-2)`);
    const direction = dir.replace(/(north|south)?(east|west|central)?/, (_m, a?: string, b?: string) => `${a?.[0] ?? ""}${b?.[0] ?? ""}`);
    return `${geo}${direction}${n}`;
}

/** A stable lowercase hex tag of a name, as CloudFront and API Gateway make ids (plausible, not theirs). */
function hex(name: string): string {
    let h = 2166136261;
    for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    return `${h.toString(16).padStart(8, "0")}${((h ^ 0x5bd1e995) >>> 0).toString(16).padStart(8, "0")}`.slice(0, 14);
}

/** What AWS computes for a resource on create (addresses, ARNs, endpoints), given its inputs. */
export function cannedAwsState(type: string, name: string, raw: Record<string, unknown>): Record<string, unknown> {
    // Outputs echo the inputs as registered (secrets stay wrapped); computed values read them unwrapped.
    const inputs = unwrapSecrets(raw) as Record<string, unknown>;
    const arn = `arn:aws:mock:${region}:123456789012:${type.split(":").pop()?.toLowerCase()}/${name}`;
    const base: Record<string, unknown> = { ...raw, arn, name: raw.name ?? name };
    switch (type) {
        case "aws:lb/loadBalancer:LoadBalancer":
            return { ...base, dnsName: `${name}.${region}.elb.amazonaws.com`, zoneId: "Z1H1FL5HABSF5" };
        case "aws:rds/instance:Instance":
            return { ...base, address: `${name}.abc.${region}.rds.amazonaws.com`, endpoint: `${name}.abc.${region}.rds.amazonaws.com:5432`, port: inputs.port ?? 5432 };
        case "aws:elasticache/replicationGroup:ReplicationGroup":
            return { ...base, primaryEndpointAddress: `master.${name}.abc.${shortRegion()}.cache.amazonaws.com`, port: inputs.port ?? 6379 };
        case "aws:docdb/cluster:Cluster":
            return { ...base, endpoint: `${name}.cluster-abc.${region}.docdb.amazonaws.com`, readerEndpoint: `${name}.cluster-ro-abc.${region}.docdb.amazonaws.com`, port: inputs.port ?? 27017 };
        case "aws:cloudfront/distribution:Distribution":
            return { ...base, domainName: `d${hex(name)}.cloudfront.net`, hostedZoneId: "Z2FDTNDATAQYW2" };
        case "aws:apigatewayv2/api:Api":
            return { ...base, apiEndpoint: `https://${hex(name).slice(0, 10)}.execute-api.${region}.amazonaws.com` };
        case "aws:ecr/repository:Repository":
            return { ...base, repositoryUrl: `123456789012.dkr.ecr.${region}.amazonaws.com/${name}` };
        case "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace":
            return { ...base, hostedZone: `Z${name.toUpperCase().replace(/[^A-Z0-9]/g, "")}` };
        case "aws:acm/certificate:Certificate":
            return {
                ...base,
                domainValidationOptions: [{ domainName: inputs.domainName, resourceRecordName: `_x.${inputs.domainName}.`, resourceRecordType: "CNAME", resourceRecordValue: "_y.acm-validations.aws." }],
            };
        default:
            return base;
    }
}

/** What the AWS provider's functions return (region, account, zones, ...). */
export function cannedAwsCall(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
    switch (token) {
        case "aws:index/getRegion:getRegion":
            return { name: region, region, id: region };
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { accountId: "123456789012", arn: "arn:aws:iam::123456789012:user/test", userId: "test" };
        case "aws:index/getPartition:getPartition":
            return { partition: "aws", dnsSuffix: "amazonaws.com" };
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return { names: ["a", "b", "c"].map((z) => `${region}${z}`), zoneIds: [1, 2, 3].map((n) => `${shortRegion()}-az${n}`) };
        case "aws:route53/getZone:getZone":
            return {
                zoneId: `Z${String(inputs.name)
                    .toUpperCase()
                    .replace(/[^A-Z0-9]/g, "")}`,
                name: inputs.name,
                id: "zone-id",
            };
        case "aws:ec2/getManagedPrefixList:getManagedPrefixList":
            return { ...inputs, id: "pl-3b927c52", maxEntries: 55 };
        case "aws:iam/getPolicyDocument:getPolicyDocument":
            return { json: JSON.stringify(inputs) };
        default:
            return inputs;
    }
}
