package nl.doelbinding.server.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import nl.doelbinding.server.persistence.Transactions;

/**
 * An export of the audit chain read as it is sent: a page of records at a time, each page in a short transaction
 * of its own, so that exporting a chain of millions of records needs the memory of one page, and holds no
 * connection between pages. The chain is append-only and the slice ends before a fixed sequence number, so the
 * pages together are exactly the records the slice held when the export began.
 *
 * <p>A page that cannot be read fails the read with an {@link IOException}: the response is then cut off
 * rather than ended early, so a client never takes a partial export for a whole one.
 */
public final class AuditExportStream extends InputStream {
    /** Records per page: about 1 MB of export lines. */
    public static final int PAGE = 1_000;

    private final Transactions transactions;
    private final AuditChain chain;
    private final int pageSize;
    private AuditChain.ExportSlice rest;
    private boolean lastPageRead;
    private byte[] page = new byte[0];
    private int position;

    public AuditExportStream(Transactions transactions, AuditChain chain, AuditChain.ExportSlice slice, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        this.transactions = transactions;
        this.chain = chain;
        this.rest = slice;
        this.pageSize = pageSize;
    }

    @Override
    public int read() throws IOException {
        return pageHasBytes() ? page[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!pageHasBytes()) {
            return -1;
        }
        int n = Math.min(length, page.length - position);
        System.arraycopy(page, position, into, offset, n);
        position += n;
        return n;
    }

    /** True when bytes are left in the current page, reading the next pages if need be; false at the end. */
    private boolean pageHasBytes() throws IOException {
        while (position == page.length) {
            if (lastPageRead) {
                return false;
            }
            nextPage();
        }
        return true;
    }

    private void nextPage() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditChain.ExportPage read;
        try {
            read = transactions.inTransaction(c -> chain.export(c, rest, pageSize, out));
        } catch (RuntimeException e) {
            // The cause names the statement that failed, never a record's content.
            throw new IOException("reading the audit chain for the export failed", e);
        }
        page = out.toByteArray();
        position = 0;
        rest = rest.after(read.lastSeq());
        lastPageRead = read.records() < pageSize;
    }
}
