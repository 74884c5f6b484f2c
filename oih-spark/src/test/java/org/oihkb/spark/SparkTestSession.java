package org.oihkb.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One local Spark for every test class in this JVM (a JVM holds one SparkContext, and starting one costs
 * seconds). {@code local[2,2]}: two threads, and a task may fail once and be retried, as on a cluster.
 */
final class SparkTestSession {

    private static SparkSession spark;

    private SparkTestSession() {
    }

    static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSession.builder().appName("oih-spark-test").master("local[2,2]")
                    .config("spark.ui.enabled", "false")
                    // loopback only: local mode needs no network interface
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
        }
        return spark;
    }
}
