# Development tasks. `npm ci` first.
.PHONY: build test bench example schema schema-check plugin sdks clean

build:
	npm run build

test:
	npm test

bench:
	npm run bench:loader

# Validate the showcase app and plan it offline on every cloud, with its estimated monthly cost.
example:
	npm run example

# schema.json from the components' TypeScript (commit it; tests/plugin/schema-drift.test.ts fails when it is stale).
schema: build
	node scripts/generate-schema.js

schema-check: build
	node scripts/generate-schema.js --check

# The provider plugin: bin/plugin/ and bin/pulumi-resource-defang-v<version>.tar.gz, for
# `pulumi plugin install resource defang <version> --file bin/pulumi-resource-defang-v<version>.tar.gz`.
plugin: schema-check
	node scripts/build-plugin.js

# Python, Go and .NET SDKs from schema.json into sdk/python, sdk/go, sdk/dotnet (needs the Pulumi CLI;
# not run in CI). The Node.js SDK is the hand-written TypeScript in sdk/nodejs, never generated.
SDK_LANGUAGES := python go dotnet
sdks:
	@command -v pulumi >/dev/null || { echo "make sdks needs the Pulumi CLI (https://www.pulumi.com/docs/install/)"; exit 1; }
	for lang in $(SDK_LANGUAGES); do pulumi package gen-sdk schema.json --language $$lang --out sdk || exit 1; done

clean:
	rm -rf dist bin
