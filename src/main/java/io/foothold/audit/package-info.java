/**
 * HR's case audit trail: what happened in every case (from Camunda history), CSV exports, a log of who
 * read which case, and erasure of a closed case's history. Only the hr group reaches /api/audit (see
 * security/ApiAuthentication); reads go through {@link io.foothold.engine.SystemAccess}.
 */
package io.foothold.audit;
