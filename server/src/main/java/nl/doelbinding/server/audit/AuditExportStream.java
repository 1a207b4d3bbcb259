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
 * <p>The first page is read when the export is opened, before anything is sent, so a database that cannot be
 * read then is the caller's failure to answer (a 503 problem). A later page that cannot be read fails the read
 * with an {@link IOException}: the response is then cut off rather than ended early, so a client never takes a
 * partial export for a whole one.
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

    private AuditExportStream(Transactions transactions, AuditChain chain, AuditChain.ExportSlice slice, int pageSize) {
        this.transactions = transactions;
        this.chain = chain;
        this.rest = slice;
        this.pageSize = pageSize;
    }

    /**
     * Opens the export of {@code slice}, reading its first page now.
     *
     * @throws RuntimeException as {@link Transactions} does, when the first page cannot be read
     */
    public static AuditExportStream open(Transactions transactions, AuditChain chain, AuditChain.ExportSlice slice,
                                         int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        AuditExportStream export = new AuditExportStream(transactions, chain, slice, pageSize);
        export.loadPage();
        return export;
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
        try {
            loadPage();
        } catch (RuntimeException e) {
            // The cause names the statement that failed, never a record's content.
            throw new IOException("reading the audit chain for the export failed", e);
        }
    }

    private void loadPage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditChain.ExportPage read = transactions.inTransaction(c -> chain.export(c, rest, pageSize, out));
        page = out.toByteArray();
        position = 0;
        rest = rest.after(read.lastSeq());
        lastPageRead = read.records() < pageSize;
    }
}
