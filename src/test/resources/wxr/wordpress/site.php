<?php
// Builds a small news site in a real WordPress and prints WordPress's own export of it (WXR).
// Run by regenerate.sh; every word of content here was written for Byline's tests.
// Environment: BYLINE_WP_DB (database on 127.0.0.1, user root), BYLINE_WP_CONTENT (a writable folder).

define('DB_NAME', getenv('BYLINE_WP_DB'));
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_CONTENT_DIR', getenv('BYLINE_WP_CONTENT'));
define('WP_HOME', 'https://news.harbour-gazette.test');
define('WP_SITEURL', 'https://news.harbour-gazette.test');
define('ABSPATH', '/usr/share/wordpress/');
define('WP_INSTALLING', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
$table_prefix = 'wp_';
$_SERVER['HTTP_HOST'] = 'news.harbour-gazette.test';
$_SERVER['REQUEST_URI'] = '/';

require_once ABSPATH . 'wp-settings.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/export.php';
require_once ABSPATH . 'wp-admin/includes/nav-menu.php';

wp_install('The Harbour Gazette', 'mreyes', 'marta@harbour-gazette.test', true, '', 'not-a-real-password');
update_option('timezone_string', 'Europe/London');
update_option('blogdescription', 'News from the harbour town');
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%day%/%postname%/');
update_option('permalink_structure', '/%year%/%monthnum%/%day%/%postname%/');

// Writers. The installer's admin is Marta Reyes; as her, content is stored unfiltered, as an
// editor with unfiltered_html would store it, scripts and all.
wp_update_user(['ID' => 1, 'display_name' => 'Marta Reyes', 'first_name' => 'Marta', 'last_name' => 'Reyes']);
$tobias = wp_insert_user(['user_login' => 'tobias.l', 'user_pass' => 'x-not-used-1', 'user_email' => 'tobias@harbour-gazette.test',
  'display_name' => 'Tobias Lindqvist', 'first_name' => 'Tobias', 'last_name' => 'Lindqvist', 'role' => 'editor']);
$aisha = wp_insert_user(['user_login' => 'aisha', 'user_pass' => 'x-not-used-2', 'user_email' => 'aisha@harbour-gazette.test',
  'display_name' => 'Aisha Okafor', 'first_name' => 'Aisha', 'last_name' => 'Okafor', 'role' => 'author']);
wp_set_current_user(1);
kses_remove_filters();

// Nested categories.
function cat($name, $slug, $parent = 0, $description = '') {
  $t = wp_insert_term($name, 'category', ['slug' => $slug, 'parent' => $parent, 'description' => $description]);
  return $t['term_id'];
}
$news = cat('News', 'news', 0, 'What happened in and around the harbour.');
$world = cat('World', 'world', $news);
$europe = cat('Europe', 'europe', $world);
$local = cat('Local', 'local', $news);
$sport = cat('Sport', 'sport');
$football = cat('Football', 'football', $sport);
$opinion = cat('Opinion', 'opinion');
$arts = cat('Arts & Culture', 'arts-culture');
$feed = cat('Feed', 'feed'); // a category whose slug a Byline section may not take

// Pictures drawn here, with the credit written into the file's IPTC data as agencies do.
function picture($name, $w, $h, $rgb, $label, $credit, $png = false) {
  $im = imagecreatetruecolor($w, $h);
  imagefill($im, 0, 0, imagecolorallocate($im, $rgb[0], $rgb[1], $rgb[2]));
  $white = imagecolorallocate($im, 255, 255, 255);
  for ($i = 0; $i < 12; $i++) imagefilledellipse($im, 40 + $i * ($w / 12), $h - 60 - ($i % 3) * 30, 50, 50, $white);
  imagestring($im, 5, 20, 20, $label, $white);
  $tmp = tempnam(sys_get_temp_dir(), 'pic');
  if ($png) {
    imagepng($im, $tmp);
  } else {
    imagejpeg($im, $tmp, 80);
    $iptc = iptc_tag(2, 110, $credit) . iptc_tag(2, 80, $credit);
    file_put_contents($tmp, iptcembed($iptc, $tmp));
  }
  return $tmp;
}
function iptc_tag($rec, $data, $value) {
  $len = strlen($value);
  return chr(0x1C) . chr($rec) . chr($data) . chr($len >> 8) . chr($len & 0xFF) . $value;
}
function attach($file, $name, $mime, $title, $caption, $alt, $parent, $date) {
  $up = wp_upload_bits($name, null, file_get_contents($file), substr($date, 0, 4) . '/' . substr($date, 5, 2));
  $id = wp_insert_attachment(['post_mime_type' => $mime, 'post_title' => $title, 'post_excerpt' => $caption,
    'post_content' => '', 'post_status' => 'inherit', 'post_date' => $date], $up['file'], $parent);
  wp_update_attachment_metadata($id, wp_generate_attachment_metadata($id, $up['file']));
  if ($alt !== '') update_post_meta($id, '_wp_attachment_image_alt', $alt);
  return $id;
}
function post($fields) {
  $defaults = ['post_type' => 'post', 'post_status' => 'publish', 'post_author' => 1, 'comment_status' => 'open'];
  $id = wp_insert_post(array_merge($defaults, $fields), true);
  if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message() . "\n"); exit(1); }
  return $id;
}

// 1. A block-editor story with a featured image, a picture in the text and a YouTube video.
$ferry = post(['post_title' => 'Night ferry to run all year after council vote', 'post_name' => 'night-ferry-all-year',
  'post_date' => '2024-04-08 10:30:00', 'post_category' => [$local], 'tags_input' => ['ferries', 'council'],
  'post_excerpt' => 'Councillors voted eight to three to keep the late crossing through the winter.',
  'post_content' => '']);
$quay = attach(picture('quay', 1200, 800, [30, 70, 110], 'The quay at dusk', 'Lena Berg/Harbour Gazette'),
  'quay-at-dusk.jpg', 'image/jpeg', 'The quay at dusk', 'Passengers queue for the 22:40 crossing.',
  'A queue of passengers on a lit quay beside a ferry', $ferry, '2024-04-08 09:00:00');
$vote = attach(picture('vote', 900, 600, [120, 40, 40], 'Council chamber', 'Council press office', true),
  'council-chamber.png', 'image/png', 'Council chamber', 'The vote in the council chamber on Monday.',
  'Councillors raising their hands in a wood-panelled chamber', $ferry, '2024-04-08 09:05:00');
wp_update_post(['ID' => $ferry, 'post_content' => <<<HTML
<!-- wp:paragraph -->
<p>The night ferry between the harbour and Skerry Island will run all year, after the council voted on Monday to keep the <strong>22:40 crossing</strong> through the winter.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">What changes</h2>
<!-- /wp:heading -->

<!-- wp:list -->
<ul><!-- wp:list-item -->
<li>The last crossing leaves at 22:40 every day.</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Fares stay at <em>£4.50</em> for adults.</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:image {"id":$vote,"sizeSlug":"large","linkDestination":"none"} -->
<figure class="wp-block-image size-large"><img src="https://news.harbour-gazette.test/wp-content/uploads/2024/04/council-chamber.png" alt="Councillors raising their hands in a wood-panelled chamber" class="wp-image-$vote"/><figcaption class="wp-element-caption">Eight councillors voted for the year-round service.</figcaption></figure>
<!-- /wp:image -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>Shift workers on the island have waited ten years for this.</p>
<!-- /wp:paragraph --><cite>Councillor Ines Haugen</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:embed {"url":"https://www.youtube.com/watch?v=M7lc1UVf-VE","type":"video","providerNameSlug":"youtube","responsive":true} -->
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=M7lc1UVf-VE
</div><figcaption class="wp-element-caption">The crossing, filmed from the bridge.</figcaption></figure>
<!-- /wp:embed -->

<!-- wp:paragraph -->
<p>The operator said it would hire two more deckhands.</p>
<!-- /wp:paragraph -->
HTML]);
set_post_thumbnail($ferry, $quay);
wp_insert_comment(['comment_post_ID' => $ferry, 'comment_author' => 'Rolf Dahl', 'comment_author_email' => 'rolf@example.net',
  'comment_author_url' => 'https://rolf.example.net', 'comment_author_IP' => '203.0.113.7', 'comment_date' => '2024-04-08 12:00:00',
  'comment_date_gmt' => '2024-04-08 11:00:00', 'comment_content' => 'About time. The last bus is gone by ten.', 'comment_approved' => 1]);
$reply = wp_insert_comment(['comment_post_ID' => $ferry, 'comment_author' => 'Marta Reyes', 'comment_author_email' => 'marta@harbour-gazette.test',
  'comment_date' => '2024-04-08 12:30:00', 'comment_date_gmt' => '2024-04-08 11:30:00', 'user_id' => 1,
  'comment_content' => 'The timetable is on the council site.', 'comment_approved' => 1, 'comment_parent' => 1]);
wp_insert_comment(['comment_post_ID' => $ferry, 'comment_author' => 'Anon', 'comment_author_email' => 'anon@example.net',
  'comment_date' => '2024-04-08 13:00:00', 'comment_date_gmt' => '2024-04-08 12:00:00',
  'comment_content' => 'Waiting for moderation.', 'comment_approved' => 0]);
wp_insert_comment(['comment_post_ID' => $ferry, 'comment_author' => 'Cheap pills', 'comment_author_email' => 'spam@example.net',
  'comment_date' => '2024-04-08 14:00:00', 'comment_date_gmt' => '2024-04-08 13:00:00',
  'comment_content' => 'Buy now', 'comment_approved' => 'spam']);

// 2. A classic-editor story: paragraphs left to autop, a [caption], a bare YouTube link, a
// tweet with its script, a table, an unknown shortcode and a script an old plugin left behind.
$storm = post(['post_title' => 'Storm closes the harbour for two days', 'post_name' => 'storm-closes-harbour',
  'post_date' => '2024-03-02 07:15:00', 'post_category' => [$local, $news], 'tags_input' => ['weather', 'harbour'],
  'post_author' => $tobias, 'post_content' => '']);
$waves = attach(picture('waves', 1000, 700, [20, 40, 60], 'Waves over the pier', 'Tobias Lindqvist'),
  'waves-over-pier.jpg', 'image/jpeg', 'Waves over the pier', 'Waves broke over the north pier on Saturday.',
  'Grey waves breaking over a stone pier', $storm, '2024-03-02 07:00:00');
wp_update_post(['ID' => $storm, 'post_content' => <<<HTML
The harbour master closed the port on Saturday morning as winds reached 70 knots.

No boats left the inner basin until Monday, and the lifeboat crew stood by all weekend.
Two fishing boats were moved to the east quay.

[caption id="attachment_$waves" align="aligncenter" width="1000"]<a href="https://news.harbour-gazette.test/wp-content/uploads/2024/03/waves-over-pier.jpg"><img class="size-full wp-image-$waves" src="https://news.harbour-gazette.test/wp-content/uploads/2024/03/waves-over-pier-1000x700.jpg" alt="Grey waves breaking over a stone pier" width="1000" height="700" /></a> Waves broke over the north pier on Saturday.[/caption]

<h3>Wind speeds</h3>
<table>
<tr><th>Day</th><th>Gusts</th></tr>
<tr><td>Saturday</td><td>70 knots</td></tr>
<tr><td>Sunday</td><td>52 knots</td></tr>
</table>

https://www.youtube.com/watch?v=aqz-KE-bpKQ

<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Harbour closed until further notice. Stay off the piers.</p>&mdash; Harbour Master (@harbourmaster) <a href="https://twitter.com/harbourmaster/status/1764000000000000000">March 2, 2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>

[contact-form-7 id="12" title="Send us your storm photos"]

<script>document.write('<img src="https://tracker.example/pixel.gif">');</script>
Send your pictures to the newsdesk.
HTML]);
add_post_meta($storm, '_yoast_wpseo_primary_category', $local);
add_post_meta($storm, '_yoast_wpseo_metadesc', 'Winds of 70 knots closed the port from Saturday to Monday.');

// 3. A block story with a gallery, an Instagram post, a pull quote and a block WordPress draws
// when the page is shown (latest posts), by the third writer, in a nested category.
$regatta = post(['post_title' => 'Regatta returns with record entry', 'post_name' => 'regatta-record-entry',
  'post_date' => '2024-04-05 16:00:00', 'post_category' => [$football], 'tags_input' => ['harbour'],
  'post_author' => $aisha, 'post_content' => '']);
$sails = attach(picture('sails', 800, 600, [200, 160, 40], 'Sails at the start', 'Aisha Okafor'),
  'sails-at-start.jpg', 'image/jpeg', 'Sails at the start', 'Boats cross the start line.', 'Sailing boats crossing a start line', $regatta, '2024-04-05 15:00:00');
$trophy = attach(picture('trophy', 600, 800, [60, 120, 60], 'The trophy', 'Aisha Okafor'),
  'trophy.jpg', 'image/jpeg', 'The trophy', '', 'A silver cup on a table', $regatta, '2024-04-05 15:10:00');
$programme = wp_upload_bits('regatta-programme.pdf', null, "%PDF-1.4\n% Regatta programme\n%%EOF\n", '2024/04');
$pdf = wp_insert_attachment(['post_mime_type' => 'application/pdf', 'post_title' => 'Regatta programme', 'post_status' => 'inherit',
  'post_content' => '', 'post_date' => '2024-04-05 15:20:00'], $programme['file'], $regatta);
wp_update_post(['ID' => $regatta, 'post_content' => <<<HTML
<!-- wp:paragraph -->
<p>Sixty-two boats entered this year's harbour regatta, the most since it began in 1952.</p>
<!-- /wp:paragraph -->

<!-- wp:gallery {"linkTo":"none"} -->
<figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":$sails,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="https://news.harbour-gazette.test/wp-content/uploads/2024/04/sails-at-start.jpg" alt="Sailing boats crossing a start line" class="wp-image-$sails"/><figcaption class="wp-element-caption">The start off the breakwater.</figcaption></figure>
<!-- /wp:image -->

<!-- wp:image {"id":$trophy,"sizeSlug":"large"} -->
<figure class="wp-block-image size-large"><img src="https://news.harbour-gazette.test/wp-content/uploads/2024/04/trophy-600x800.jpg" alt="A silver cup on a table" class="wp-image-$trophy"/></figure>
<!-- /wp:image --></figure>
<!-- /wp:gallery -->

<!-- wp:pullquote -->
<figure class="wp-block-pullquote"><blockquote><p>We had to turn boats away at the slipway.</p><cite>Race officer Jan Moe</cite></blockquote></figure>
<!-- /wp:pullquote -->

<!-- wp:embed {"url":"https://www.instagram.com/p/C5abcdefGHI/","type":"rich","providerNameSlug":"instagram"} -->
<figure class="wp-block-embed is-type-rich is-provider-instagram wp-block-embed-instagram"><div class="wp-block-embed__wrapper">
https://www.instagram.com/p/C5abcdefGHI/
</div></figure>
<!-- /wp:embed -->

<!-- wp:latest-posts {"postsToShow":3} /-->

<!-- wp:file {"id":$pdf,"href":"https://news.harbour-gazette.test/wp-content/uploads/2024/04/regatta-programme.pdf"} -->
<div class="wp-block-file"><a href="https://news.harbour-gazette.test/wp-content/uploads/2024/04/regatta-programme.pdf">Regatta programme</a></div>
<!-- /wp:file -->
HTML]);
set_post_thumbnail($regatta, $sails);

// 4. A story whose slug was changed after it went out: WordPress keeps the old one.
$budget = post(['post_title' => 'Harbour budget rises by a fifth', 'post_name' => 'harbour-budget-rises',
  'post_date' => '2024-02-20 09:00:00', 'post_category' => [$local], 'tags_input' => ['council'],
  'post_content' => "<!-- wp:paragraph -->\n<p>The harbour board will spend a fifth more next year, mostly on dredging.</p>\n<!-- /wp:paragraph -->"]);
wp_update_post(['ID' => $budget, 'post_name' => 'harbour-budget-rises-fifth']);

// 5. More published stories, in every section, by every writer.
$more = [
  ['Fish market moves to the east quay', 'fish-market-east-quay', '2024-01-15 06:30:00', [$local], ['harbour'], $tobias],
  ['Island school gets a new roof', 'island-school-roof', '2024-01-22 11:00:00', [$local], [], $aisha],
  ['Coastal towns across Europe test electric ferries', 'europe-electric-ferries', '2024-02-01 08:00:00', [$europe], ['ferries'], 1],
  ['Harbour FC win the county cup', 'harbour-fc-county-cup', '2024-03-10 18:45:00', [$football], [], $aisha],
  ['Why the night ferry matters', 'why-night-ferry-matters', '2024-04-09 07:00:00', [$opinion], ['ferries'], $tobias],
  ['Lighthouse opens as a gallery', 'lighthouse-gallery', '2024-03-25 10:00:00', [$arts], [], 1],
  ['Tide tables for the summer', 'tide-tables-summer', '2024-03-28 10:00:00', [$feed], ['weather'], 1],
  ['A note from the editor', 'note-from-editor', '2024-01-02 09:00:00', [], [], 1],
];
foreach ($more as [$title, $slug, $date, $cats, $tags, $author]) {
  post(['post_title' => $title, 'post_name' => $slug, 'post_date' => $date, 'post_category' => $cats, 'tags_input' => $tags,
    'post_author' => $author, 'post_content' => "<!-- wp:paragraph -->\n<p>$title: the full story from the harbour desk.</p>\n<!-- /wp:paragraph -->"]);
}

// 6. Everything a reader must never see.
post(['post_title' => 'SECRETDRAFT Ferry operator in talks to sell', 'post_status' => 'draft', 'post_date' => '2024-04-10 09:00:00',
  'post_category' => [$local], 'post_content' => "<!-- wp:paragraph -->\n<p>SECRETDRAFT The operator has had two offers.</p>\n<!-- /wp:paragraph -->"]);
post(['post_title' => 'SECRETPRIVATE Newsroom rota for May', 'post_status' => 'private', 'post_name' => 'newsroom-rota-may',
  'post_date' => '2024-04-11 09:00:00', 'post_category' => [$news], 'post_content' => 'SECRETPRIVATE Who works which weekend.']);
post(['post_title' => 'SECRETPENDING Lifeboat appeal total', 'post_status' => 'pending', 'post_author' => $aisha,
  'post_date' => '2024-04-11 10:00:00', 'post_category' => [$local], 'tags_input' => ['harbour'],
  'post_content' => "<!-- wp:paragraph -->\n<p>SECRETPENDING The appeal raised more than expected.</p>\n<!-- /wp:paragraph -->"]);
post(['post_title' => 'SECRETFUTURE Regatta winners', 'post_status' => 'future', 'post_name' => 'regatta-winners',
  'post_date' => '2099-07-01 18:00:00', 'post_category' => [$sport], 'post_content' => 'SECRETFUTURE Results go out after the race.']);
post(['post_title' => 'SECRETPASSWORD Board minutes', 'post_name' => 'board-minutes', 'post_password' => 'gull',
  'post_date' => '2024-04-01 09:00:00', 'post_category' => [$local], 'post_content' => 'SECRETPASSWORD For board members only.']);
$trashed = post(['post_title' => 'SECRETTRASH Retracted story', 'post_name' => 'retracted-story',
  'post_date' => '2024-03-30 09:00:00', 'post_category' => [$local], 'post_content' => 'SECRETTRASH This was withdrawn.']);
wp_trash_post($trashed);
attach(picture('embargo', 640, 480, [90, 90, 90], 'Embargoed', 'Harbour Gazette'), 'secretattachment-embargoed.jpg',
  'image/jpeg', 'SECRETATTACHMENT embargoed photo', 'SECRETATTACHMENT not for publication yet', '', 0, '2024-04-12 09:00:00');

// 7. Pages, published and draft, and a menu (not content).
$about = post(['post_type' => 'page', 'post_title' => 'About the Gazette', 'post_name' => 'about',
  'post_date' => '2023-12-01 09:00:00', 'post_content' => "<!-- wp:paragraph -->\n<p>The Gazette has covered the harbour since 1921.</p>\n<!-- /wp:paragraph -->"]);
post(['post_type' => 'page', 'post_title' => 'SECRETPAGE Advertising rates', 'post_status' => 'draft', 'post_name' => 'advertising',
  'post_date' => '2024-04-12 09:00:00', 'post_content' => 'SECRETPAGE Rates for 2025.']);
$menu = wp_create_nav_menu('Main');
wp_update_nav_menu_item($menu, 0, ['menu-item-title' => 'About', 'menu-item-object' => 'page',
  'menu-item-object-id' => $about, 'menu-item-type' => 'post_type', 'menu-item-status' => 'publish']);

ob_start();
export_wp(['content' => 'all']);
echo ob_get_clean();
