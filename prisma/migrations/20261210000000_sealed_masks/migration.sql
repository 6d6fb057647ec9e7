-- Issue #15: a child's address and guardians' phones are sealed (AES-256-GCM) and every view shows
-- only their masks. The mask is now written beside the ciphertext when the value is sealed
-- (children/columns.ts), so reading a file decrypts nothing: decrypting three values was a seventh
-- of the file's CPU, and plaintext no longer passes through memory on a read. Files sealed before
-- this have no mask yet: views mask them from the ciphertext (children/views.ts), and the next edit
-- of the file writes the masks.
ALTER TABLE "children" ADD COLUMN "addressMasked" TEXT;
ALTER TABLE "child_guardians" ADD COLUMN "phoneMasked" TEXT;
