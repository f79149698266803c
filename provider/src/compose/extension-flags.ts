/**
 * Whether an `x-defang-*` extension of a service is switched on, read alike by the loader's rules,
 * the service lifecycle and the model built from a compose service.
 */

/** `x-defang-postgres: false` (or absent) is off; `true`, an empty value or a mapping is on. */
export function extensionEnabled(value: unknown): boolean {
    return value !== undefined && value !== false && value !== "false";
}
