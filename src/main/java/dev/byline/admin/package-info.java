/**
 * The newsroom admin under {@code /admin}: sign-in, the dashboard, the article editor, the
 * photo desk, sections, topics, authors, users and the audit log, the site's own pages, the
 * menus, the front page's pins and collections, and the breaking-news banner. Server-rendered; a small
 * same-origin script adds autosave, live preview and suggestions, and every form works without it.
 *
 * <p>Glossary: the <em>desk</em> is the list of articles in every status; a <em>revision</em> is
 * one saved state of an article; the <em>chrome</em> is what surrounds every admin page.
 *
 * <h2>Adding an admin page (for other features)</h2>
 *
 * <pre>{@code
 * public record InboxView(AdminChrome chrome, List<Item> items) {}
 *
 * void routes(RoutesConfig r) { r.get("/admin/wire", this::inbox, Access.EDITOR); }
 * private void inbox(Context ctx) {               // signed out: sent to sign in; a writer: 403
 *   var user = Auth.signedIn(ctx);
 *   adminSite.render(ctx, "admin/wire/inbox.jte",           // sends Cache-Control: no-store
 *       new InboxView(adminSite.chrome(ctx, "wire"), items));
 * }
 * }</pre>
 *
 * <p>and the template wraps its content in the shared layout, embedding the CSRF token in every
 * form as the hidden field {@code csrf} (scripts send it as the header {@code X-CSRF-Token};
 * it is also on {@code <main data-csrf>}):
 *
 * <pre>{@code
 * @param dev.byline.wire.InboxView view
 * @template.admin.layout(chrome = view.chrome(), title = "Wire", content = @`
 *   <h1>Wire</h1>
 *   <form method="post" action="/admin/wire/123/take">
 *     <input type="hidden" name="csrf" value="${view.chrome().csrf()}">
 *     <button type="submit" class="button primary">Take</button>
 *   </form>
 * `)
 * }</pre>
 *
 * <p>Every route under {@code /admin} names its {@link dev.byline.web.Access} where it is
 * registered; one guard checks it before the handler runs, and a route without one is refused to
 * everybody. Register the page's link with {@code adminSite.addNav("wire", "Wire", "/admin/wire", Role.EDITOR)}
 * at start-up; {@code chrome(ctx, "wire")} marks it current. Field partials {@code admin/input.jte},
 * {@code admin/textarea.jte} and {@code admin/errors.jte} render labelled fields with their errors
 * from a {@link dev.byline.admin.Form}. The article editor takes extra panels from other features
 * through {@code EditorPanels}.
 *
 * <p>{@link dev.byline.admin.SessionGate} checks the CSRF token of every state-changing request on
 * the whole site; endpoints that authenticate callers some other way are exempted by path prefix
 * in the one list in {@code Byline.java}.
 */
package dev.byline.admin;
