# Development tasks. `npm ci` first.
.PHONY: build test bench example schema clean

build:
	npm run build

test:
	npm test

bench:
	npm run bench:loader

# Validate the showcase app and plan it offline on every cloud, with its estimated monthly cost.
example:
	npm run example

# schema.json is kept by hand until the component provider generates it (with a drift test).
schema:
	@node -e 'JSON.parse(require("fs").readFileSync("schema.json","utf8")); console.log("schema.json is valid JSON")'

clean:
	rm -rf dist
