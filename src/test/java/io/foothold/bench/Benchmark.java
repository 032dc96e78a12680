package io.foothold.bench;

import java.util.List;

/** One benchmark: measures Foothold and its baseline in the same run and answers the figures. */
public interface Benchmark {

  /** Short name used on the command line (-Dbench.only=name) and in the report. */
  String name();

  List<Figure> run(BenchSettings settings) throws Exception;
}
