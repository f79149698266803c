/**
 * The compose projects several test files deploy under mocks, with the configuration they need and
 * the names of its secret values. Kept here, not in a test file: a test file imported by another
 * would register its tests a second time in that file's run.
 */
import * as path from "path";
import { REPO_ROOT } from "./corpus";

/** The shop example: services, PostgreSQL, Redis, a model, secrets. */
export const SHOP = path.join(REPO_ROOT, "examples/shop/compose.yaml");
export const SHOP_CONFIG = { "defang:provider": "aws", POSTGRES_PASSWORD: "pg-secret-value", STRIPE_API_KEY: "sk-stripe-secret-value", OPENAI_API_KEY: "openai-secret-value" };
export const SHOP_SECRETS = ["POSTGRES_PASSWORD", "STRIPE_API_KEY", "OPENAI_API_KEY"];

/** The shop example on DigitalOcean, built by a local builder, with the model access key. */
export const DO_SHOP_CONFIG = {
    "defang:provider": "digitalocean",
    "defang:doBuilder": "local",
    POSTGRES_PASSWORD: "pg-secret-value",
    STRIPE_API_KEY: "sk-stripe-secret-value",
    OPENAI_API_KEY: "openai-secret-value",
    DIGITALOCEAN_MODEL_ACCESS_KEY: "do-model-key-value",
};
export const DO_SHOP_SECRETS = ["POSTGRES_PASSWORD", "STRIPE_API_KEY", "OPENAI_API_KEY", "DIGITALOCEAN_MODEL_ACCESS_KEY"];

/** A MongoDB fixture. */
export const NOTES = path.join(REPO_ROOT, "tests/fixtures/mongo/compose.yaml");
export const NOTES_CONFIG = { MONGO_INITDB_ROOT_PASSWORD: "mongo-secret-value" };
export const NOTES_SECRETS = ["MONGO_INITDB_ROOT_PASSWORD"];

/** A fixture whose build arguments are secrets. */
export const BUILD_ARGS = path.join(REPO_ROOT, "tests/fixtures/build-args/compose.yaml");
export const BUILD_ARGS_CONFIG = { NPM_TOKEN: "npm-token-secret-0123456789", REGISTRY_USER: "registry-user-secret" };
export const BUILD_ARGS_SECRETS = ["NPM_TOKEN", "REGISTRY_USER"];
