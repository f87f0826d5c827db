-- The language a partner reads (issue 17): set at registration from the page's language, changed with the
-- language switch in the cabinet; mails the partner did not trigger (payout decisions) are written in it.
-- Empty for partners from before: they get the site's default language.
ALTER TABLE partners ADD COLUMN language VARCHAR(8);
