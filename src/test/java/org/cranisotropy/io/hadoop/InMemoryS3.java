package org.cranisotropy.io.hadoop;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;

/**
 * An S3-compatible endpoint in this JVM for tests that read and write s3a:// paths: S3Proxy (Jetty) over jclouds'
 * in-memory ("transient") blob store, on 127.0.0.1 at a free port, with signed requests (AWS V2 or V4) required.
 * {@link #settings} are the fs.s3a.* keys that point Hadoop's S3A client at it. Starts in well under a second.
 * Headers S3Proxy does not know are ignored (the SDK's CRC32 checksum of a bulk delete); nothing is written to disk.
 */
public final class InMemoryS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "cra-access";
    public static final String SECRET_KEY = "cra-secret";
    private final BlobStoreContext context;
    private final S3Proxy proxy;

    public InMemoryS3() throws Exception {
        context = ContextBuilder.newBuilder(new TransientApiMetadata()).credentials("unused", "unused")
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // the AWS SDK 2.30+ sends x-amz-checksum-crc32 with a bulk delete (S3A's directory delete and
                // rename); S3Proxy 2.6.0 knows only crc64nvme and would answer 501 Not Implemented
                .ignoreUnknownHeaders(true).build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    /** Creates a bucket (an empty one; the name must be new). */
    public void createBucket(String name) {
        if (!context.getBlobStore().createContainerInLocation(null, name)) {
            throw new IllegalStateException("bucket " + name + " exists already");
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** The Hadoop settings that make s3a:// this endpoint (path-style, plain HTTP, fixed keys, no retries to speak of). */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fs.s3a.endpoint", endpoint());
        s.put("fs.s3a.endpoint.region", "us-east-1");
        s.put("fs.s3a.path.style.access", "true");
        s.put("fs.s3a.connection.ssl.enabled", "false");
        s.put("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        s.put("fs.s3a.access.key", ACCESS_KEY);
        s.put("fs.s3a.secret.key", SECRET_KEY);
        s.put("fs.s3a.attempts.maximum", "2");
        s.put("fs.s3a.retry.limit", "2");
        s.put("fs.s3a.retry.interval", "100ms");
        return s;
    }

    /** A copy of a configuration with {@link #settings} added. */
    public Configuration configure(Configuration base) {
        Configuration c = new Configuration(base);
        settings().forEach(c::set);
        return c;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        } finally {
            context.close();
        }
    }
}
