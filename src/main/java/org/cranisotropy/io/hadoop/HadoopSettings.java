package org.cranisotropy.io.hadoop;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop configuration Hadoop paths are opened with. On the driver it is Spark's
 * ({@code sparkContext.hadoopConfiguration()}: {@code --conf spark.hadoop.*}, {@code HADOOP_CONF_DIR}), installed
 * when the session starts; without Spark it is Hadoop's defaults plus {@code $HADOOP_CONF_DIR/core-site.xml}
 * and {@code hdfs-site.xml} and the {@code spark.hadoop.*} system properties that spark-submit sets. On an
 * executor, a job {@link #ship ships} the driver's and installs it before it opens a file.
 */
public final class HadoopSettings {
    private static volatile Configuration current;

    private HadoopSettings() {}

    /** The configuration in force in this JVM. */
    public static Configuration current() {
        Configuration c = current;
        if (c == null) {
            synchronized (HadoopSettings.class) {
                if (current == null) {
                    current = standalone();
                }
                c = current;
            }
        }
        return c;
    }

    /** Makes a configuration the one in force (the Spark session's on the driver, the shipped one on executors). */
    public static void install(Configuration conf) {
        current = conf;
    }

    /** The configuration in force, for a job's tasks to {@link Shipped#install} on the executors. */
    public static Shipped ship() {
        return new Shipped(current());
    }

    private static Configuration standalone() {
        Configuration c = new Configuration();
        String dir = System.getenv("HADOOP_CONF_DIR");
        if (dir != null && !dir.isBlank()) {
            for (String f : new String[] {"core-site.xml", "hdfs-site.xml"}) {
                Path p = Path.of(dir, f);
                if (Files.isRegularFile(p)) {
                    c.addResource(new org.apache.hadoop.fs.Path(p.toUri()));
                }
            }
        }
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark.hadoop."))
                .forEach(k -> c.set(k.substring("spark.hadoop.".length()), System.getProperty(k)));
        return c;
    }

    /** A configuration on its way to the executors (Hadoop's own serialisation of every key). */
    public static final class Shipped implements Serializable {
        private static final long serialVersionUID = 1L;
        private transient Configuration conf;

        private Shipped(Configuration conf) {
            this.conf = conf;
        }

        /** Makes the driver's configuration the one in force here (idempotent). */
        public void install() {
            if (current != conf) {
                HadoopSettings.install(conf);
            }
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            conf.write(out);
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            conf = new Configuration(false);
            conf.readFields(in);
        }
    }
}
