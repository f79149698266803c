/**
 * A service's public domain name: a DNS-validated ACM certificate, the load balancer's HTTPS
 * listener (which also redirects the name from plain HTTP), a host rule that forwards the name to
 * the service, and an alias record that points the name at the load balancer.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { hostedZoneName } from "./routing-plan";
import { AwsInfrastructure } from "../types";
import { stackSetting } from "../../stack-settings";

/** TTL of the certificate validation record (5 minutes): ACM reads it at issue and renewal; nothing else does. */
export const VALIDATION_RECORD_TTL_SECONDS = 300;

export interface DomainArgs {
    name: string;
    domain: string;
    targetGroup: aws.lb.TargetGroup;
    infra: AwsInfrastructure;
    parent: pulumi.ComponentResource;
}

export interface Domain {
    certificate: aws.acm.Certificate;
    /** The HTTPS listener rule that forwards the domain to the service. */
    rule: aws.lb.ListenerRule;
    alias: aws.route53.Record;
}

/** The public zone of `domain`: stack config `defang:hostedZone` when set, else the domain's last two labels. */
export function zoneNameFor(domain: string): string {
    return hostedZoneName(domain, stackSetting("hostedZone"));
}

export interface DomainCertificate {
    certificate: aws.acm.Certificate;
    /** The certificate's ARN once it is validated: what a listener may use. */
    certificateArn: pulumi.Output<string>;
    /** The public zone that holds the domain. */
    zoneId: pulumi.Output<string>;
}

/** An ACM certificate for `domain`, validated through a record in its public zone. */
export function createCertificate({ name, domain, infra, parent }: Pick<DomainArgs, "name" | "domain" | "infra" | "parent">): DomainCertificate {
    const opts = { parent };
    const zone = aws.route53.getZoneOutput({ name: zoneNameFor(domain), privateZone: false }, opts);
    const certificate = new aws.acm.Certificate(`${name}-certificate`, { domainName: domain, validationMethod: "DNS", tags: infra.tags }, opts);
    const option = certificate.domainValidationOptions.apply((options) => {
        const [first] = options;
        if (!first) throw new Error(`certificate for ${domain}: ACM gave no DNS validation record`);
        return first;
    });
    const validationRecord = new aws.route53.Record(
        `${name}-certificate-validation`,
        {
            zoneId: zone.zoneId,
            name: option.apply((o) => o.resourceRecordName ?? ""),
            type: option.apply((o) => o.resourceRecordType ?? "CNAME"),
            records: [option.apply((o) => o.resourceRecordValue ?? "")],
            ttl: VALIDATION_RECORD_TTL_SECONDS,
            // The record is the same for every certificate of this name in the account: taking over one left by an earlier certificate is safe.
            allowOverwrite: true,
        },
        opts,
    );
    const validation = new aws.acm.CertificateValidation(`${name}-certificate-validated`, { certificateArn: certificate.arn, validationRecordFqdns: [validationRecord.fqdn] }, opts);
    return { certificate, certificateArn: validation.certificateArn, zoneId: zone.zoneId };
}

export function createDomain({ name, domain, targetGroup, infra, parent }: DomainArgs): Domain {
    const opts = { parent };
    const { certificate, certificateArn, zoneId } = createCertificate({ name, domain, infra, parent });

    const loadBalancer = infra.loadBalancer();
    const https = loadBalancer.httpsListener(certificateArn, domain, parent, name);
    const rule = new aws.lb.ListenerRule(
        `${name}-rule-https`,
        {
            listenerArn: https.arn,
            priority: https.nextPriority(),
            conditions: [{ hostHeader: { values: [domain] } }],
            actions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
            tags: infra.tags,
        },
        { parent, dependsOn: [https.resource] },
    );
    // The load balancer is IPv4 only (not dualstack), so an A alias and no AAAA.
    const alias = new aws.route53.Record(`${name}-alias`, { zoneId, name: domain, type: "A", aliases: [{ name: loadBalancer.dnsName, zoneId: loadBalancer.zoneId, evaluateTargetHealth: true }] }, opts);
    return { certificate, rule, alias };
}
