package org.cranisotropy.io.hadoop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.SeekableByteChannel;

/** A Hadoop output stream as a write-only channel that only appends (Hadoop files are written whole). */
final class OutputChannel implements SeekableByteChannel {
    private final OutputStream out;
    private long position;
    private boolean open = true;

    OutputChannel(OutputStream out) {
        this.out = out;
    }

    @Override
    public int read(ByteBuffer dst) {
        throw new NonReadableChannelException();
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        if (src.hasArray()) {
            out.write(src.array(), src.arrayOffset() + src.position(), n);
            src.position(src.limit());
        } else {
            byte[] b = new byte[n];
            src.get(b);
            out.write(b);
        }
        position += n;
        return n;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        if (newPosition != position) {
            throw new UnsupportedOperationException("Hadoop files are written in order; cannot seek");
        }
        return this;
    }

    @Override
    public long size() {
        return position;
    }

    @Override
    public SeekableByteChannel truncate(long s) {
        throw new UnsupportedOperationException("Hadoop files cannot be truncated while written");
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            out.close();
        }
    }
}
