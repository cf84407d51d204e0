/** Why an identifier was rejected; each validator uses the reasons its standard's test table assigns. */
export type IdentifierReason = "format" | "checksum" | "birthdate" | "region" | "charset" | "length";
