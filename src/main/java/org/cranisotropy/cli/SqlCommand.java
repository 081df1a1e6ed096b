package org.cranisotropy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.cranisotropy.io.BadInputException;
import org.cranisotropy.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cra sql}: Spark SQL over the result tables of a run, each registered as a view by its name. */
@Command(
        name = "sql",
        header = "Spark SQL over the result tables of a run.", mixinStandardHelpOptions = true,
        description = {"Run a Spark SQL query over the Parquet tables of a results directory: every subdirectory",
            "holding Parquet (events, measured_thresholds, measured_bins, samples, bands, limits) is a view."})
final class SqlCommand implements Runnable {
    @Option(names = "--results", required = true, paramLabel = "DIR", description = "Results directory.")
    Path results;

    @Option(names = "--rows", defaultValue = "50", paramLabel = "N", description = "Rows to show (default ${DEFAULT-VALUE}).")
    int rows;

    @Parameters(paramLabel = "QUERY", description = "The SQL query.")
    String query;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (!Files.isDirectory(results)) {
            throw new BadInputException("--results " + results + ": no such directory");
        }
        List<Path> tables = new ArrayList<>();
        try (var list = Files.list(results)) {
            list.filter(p -> Files.isDirectory(p) && Files.exists(p.resolve("_SUCCESS"))).sorted().forEach(tables::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + results + ": " + e.getMessage(), e);
        }
        if (tables.isEmpty()) {
            throw new IllegalArgumentException(results + ": no Parquet tables (run cra run first)");
        }
        SparkSession spark = SparkSessions.create("cra sql", "local[*]");
        try {
            for (Path t : tables) {
                spark.read().parquet(t.toString()).createOrReplaceTempView(t.getFileName().toString());
            }
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df;
            List<org.apache.spark.sql.Row> result;
            try {
                df = spark.sql(query);
                result = df.limit(rows).collectAsList();
            } catch (Exception e) { // Scala's AnalysisException (and ParseException) are checked but undeclared
                if (e instanceof org.apache.spark.sql.AnalysisException) {
                    // a query the tables cannot answer is bad input: its first line, and the tables there are
                    throw new BadInputException("query: " + e.getMessage().lines().findFirst().orElse("")
                            + " (tables: " + String.join(", ", tables.stream().map(t -> t.getFileName().toString())
                                    .toList()) + ")", e);
                }
                throw e;
            }
            String[] names = df.columns();
            List<String[]> cells = new ArrayList<>();
            cells.add(names);
            for (org.apache.spark.sql.Row r : result) {
                String[] c = new String[names.length];
                for (int i = 0; i < c.length; i++) {
                    c[i] = String.valueOf(r.get(i));
                }
                cells.add(c);
            }
            int[] width = new int[names.length];
            for (String[] c : cells) {
                for (int i = 0; i < c.length; i++) {
                    width[i] = Math.max(width[i], c[i].length());
                }
            }
            java.io.PrintWriter out = spec.commandLine().getOut();
            for (String[] c : cells) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < c.length; i++) {
                    line.append(i == 0 ? "" : "  ").append(String.format("%" + width[i] + "s", c[i]));
                }
                out.println(line);
            }
            out.flush();
        } finally {
            spark.stop();
        }
    }
}
