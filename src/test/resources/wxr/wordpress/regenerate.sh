#!/usr/bin/env bash
# Regenerates the WordPress test fixture from a real WordPress: news-site.xml (WordPress's own
# export, written by export_wp()) and uploads/ (the original files of its attachments).
#
# It installs a throw-away site into a fresh MariaDB database, writes the content in site.php
# (all of it written for Byline's tests) through WordPress's own functions, exports it, and drops
# the database again. Needs Debian's WordPress and PHP, and MariaDB on 127.0.0.1:3306 (root, no
# password):
#
#   apt-get install -y --no-install-recommends wordpress php-cli php-mysql php-gd
#   src/test/resources/wxr/wordpress/regenerate.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
db=byline_wxr_fixture
cleanup() {
  rm -rf "$work"
  mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $db" || true
}
trap cleanup EXIT

mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
mkdir -p "$work/wp-content/uploads"
BYLINE_WP_DB=$db BYLINE_WP_CONTENT="$work/wp-content" php -d display_errors=stderr "$here/site.php" > "$work/export.xml"

# WordPress stamps the export with the time it was made; the rest depends only on site.php.
grep -q '<wp:wxr_version>' "$work/export.xml"
cp "$work/export.xml" "$here/news-site.xml"
rm -rf "$here/uploads"
mkdir -p "$here/uploads"
# Only the originals: WordPress's resized copies are not read by the import.
(cd "$work/wp-content/uploads" && find . -type f ! -regex '.*-[0-9]+x[0-9]+\.[a-z]+$' -print0 |
  xargs -0 -I{} cp --parents {} "$here/uploads/")
echo "wrote $here/news-site.xml ($(grep -c '<item>' "$here/news-site.xml") items) and $(find "$here/uploads" -type f | wc -l) upload(s)"
