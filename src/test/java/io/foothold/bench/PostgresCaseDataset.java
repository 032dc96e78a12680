package io.foothold.bench;

/** The case dataset on PostgreSQL: comes with the COPY generator. */
final class PostgresCaseDataset {

  private PostgresCaseDataset() {
  }

  static CaseData ensure(BenchSettings settings) {
    throw new UnsupportedOperationException("-Dbench.db=postgres is not built yet; use -Dbench.db=h2");
  }
}
