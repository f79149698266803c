/**
 * Signature Version 4 for Spaces: the presigned URL matches AWS's published example, and signed
 * requests sign the headers they send.
 */
import { strict as assert } from "assert";
import { objectUrl, presignedGetUrl, signedHeaders } from "../../provider/src/build/s3-signature";

const KEY = { accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };

describe("S3 request signatures (Spaces)", function () {
    it("presigns a GET exactly as AWS's documented example", function () {
        const url = presignedGetUrl({ endpoint: "https://examplebucket.s3.amazonaws.com", key: "test.txt", region: "us-east-1" }, KEY, 86400, new Date("2013-05-24T00:00:00Z"));
        assert.equal(
            url,
            "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
        );
    });

    it("signs a PUT's content type, host, payload hash and date, and escapes the key in the path", function () {
        const object = { endpoint: "https://b.nyc3.digitaloceanspaces.com", key: "web app/h 1.tar.gz", region: "nyc3" };
        assert.equal(objectUrl(object), "https://b.nyc3.digitaloceanspaces.com/web%20app/h%201.tar.gz");
        const body = Buffer.from("hello");
        const headers = signedHeaders("PUT", object, KEY, body, new Date("2026-12-07T02:30:00Z"), "application/gzip");
        assert.equal(headers["x-amz-date"], "20261207T023000Z");
        assert.equal(headers["x-amz-content-sha256"], "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assert.match(
            headers.Authorization,
            /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20261207\/nyc3\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
        );
        const other = signedHeaders("PUT", object, KEY, Buffer.from("hello!"), new Date("2026-12-07T02:30:00Z"), "application/gzip");
        assert.notEqual(other.Authorization, headers.Authorization, "the payload is signed");
        assert.match(signedHeaders("DELETE", object, KEY, Buffer.alloc(0), new Date("2026-12-07T02:30:00Z")).Authorization, /SignedHeaders=host;x-amz-content-sha256;x-amz-date,/);
    });
});
