package dev.byline.newsletter;

import dev.byline.store.Database;
import dev.byline.store.SiteState;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The newsletter as the rest of the site sees it: subscribing with double opt-in, leaving,
 * making sends, taking bounce reports, and the worker and schedule that send them.
 */
public final class Newsletter implements AutoCloseable {
  static final String SECRET_STATE = "newsletter.secret";

  private final NewsletterSettings settings;
  private final Subscribers subscribers;
  private final Sends sends;
  private final Links links;
  private final IntFunction<List<Story>> topStories;
  private final Supplier<SiteVoice> voice;
  private final Clock clock;
  private final SendWorker worker;
  private final BriefingSchedule schedule;

  private Newsletter(
      NewsletterSettings settings,
      Subscribers subscribers,
      Sends sends,
      Links links,
      LetterTemplates templates,
      IntFunction<List<Story>> topStories,
      Supplier<SiteVoice> voice,
      Clock clock,
      boolean startWorker) {
    this.settings = settings;
    this.subscribers = subscribers;
    this.sends = sends;
    this.links = links;
    this.topStories = topStories;
    this.voice = voice;
    this.clock = clock;
    var letters = new Letters(settings, links);
    this.worker = new SendWorker(
        settings, sends, subscribers, letters, voice, templates, new Mailer(settings), clock);
    if (startWorker) worker.start();
    this.schedule = startWorker && settings.briefingTime().isPresent()
        ? new BriefingSchedule(this, settings, clock).start()
        : null;
  }

  /**
   * Opens the newsletter on {@code db} and starts its sender and the daily briefing.
   *
   * @param topStories the front page's top stories, at most the number asked for, newest first
   * @param voice the site's name, language and time zone as its settings say now; asked for every
   *     mail and every briefing's hour
   */
  public static Newsletter start(
      NewsletterSettings settings,
      Database db,
      SiteState state,
      String configuredSecret,
      LetterTemplates templates,
      IntFunction<List<Story>> topStories,
      Supplier<SiteVoice> voice,
      Clock clock) {
    return open(settings, db, state, configuredSecret, templates, topStories, voice, clock, true);
  }

  /** The same without the sender and schedule running: for tools and tests that inspect. */
  public static Newsletter open(
      NewsletterSettings settings,
      Database db,
      SiteState state,
      String configuredSecret,
      LetterTemplates templates,
      IntFunction<List<Story>> topStories,
      Supplier<SiteVoice> voice,
      Clock clock,
      boolean startWorker) {
    var sends = new Sends(db, domain(settings.from()));
    var subscribers = new Subscribers(db, sends);
    var links = new Links(secret(state, configuredSecret), settings.baseUrl());
    return new Newsletter(
        settings, subscribers, sends, links, templates, topStories, voice, clock, startWorker);
  }

  public Subscribers subscribers() {
    return subscribers;
  }

  public Sends sends() {
    return sends;
  }

  public NewsletterSettings settings() {
    return settings;
  }

  /** The site's name, language and time zone now, as the next mail will be written. */
  public SiteVoice voice() {
    return voice.get();
  }

  /** Records a request and queues its confirmation mail; throws InvalidInput for a bad address. */
  public Subscribers.Requested subscribe(String address, Proof proof) {
    var email = new EmailAddress(address);
    var r =
        subscribers.request(email, proof, Hashes.nonce(), settings.confirmWithin(), clock.millis());
    if (r == Subscribers.Requested.MAILED) worker.wake();
    return r;
  }

  /** Confirms from a link's token; false for a token that is forged, used, expired or unknown. */
  public boolean confirm(String token, Proof proof) {
    var c = links.confirmation(token);
    return c.isPresent()
        && subscribers.confirm(c.get().subscriberId(), c.get().nonce(), proof, clock.millis());
  }

  /** The subscriber an unsubscribe token names, if its signature holds. */
  public Optional<Subscriber> unsubscribing(String token) {
    var id = Links.unsubscribeId(token);
    if (id.isEmpty()) return Optional.empty();
    var key = subscribers.unsubscribeKey(id.get());
    if (key.isEmpty() || !links.unsubscribeValid(token, id.get(), key.get()))
      return Optional.empty();
    return subscribers.byId(id.get());
  }

  /** Unsubscribes the token's subscriber; false for a bad token. Leaving twice is fine. */
  public boolean unsubscribe(String token, Proof proof) {
    var s = unsubscribing(token);
    s.ifPresent(sub -> subscribers.unsubscribe(sub.id(), proof, clock.millis()));
    return s.isPresent();
  }

  /** Today's briefing, once a day however often it is asked for (the schedule, a restart). */
  Optional<Send> scheduledBriefing(LocalDate day) {
    return briefing("briefing:" + day, "schedule");
  }

  /** A briefing now, by an admin's hand; empty when there are no stories to send. */
  public Optional<Send> sendBriefing(String by) {
    return briefing("briefing:manual:" + clock.millis(), by);
  }

  private Optional<Send> briefing(String key, String by) {
    var stories = topStories.apply(settings.briefingStories());
    if (stories.isEmpty()) return Optional.empty();
    // The stored subject is the admin's list's; each mail writes its own when it goes.
    var subject = Letters.subject(Send.BRIEFING, stories, clock.instant(), voice.get());
    return made(sends.create(key, Send.BRIEFING, subject, stories, by, clock.millis()));
  }

  /** A breaking alert for one story; once per article, so a second click sends nothing. */
  public Optional<Send> sendAlert(long articleId, Story story, String by) {
    var subject = Letters.subject(Send.ALERT, List.of(story), clock.instant(), voice.get());
    return made(sends.create(
        "alert:" + articleId, Send.ALERT, subject, List.of(story), by, clock.millis()));
  }

  private Optional<Send> made(Optional<Send> send) {
    if (send.isPresent()) worker.wake();
    return send;
  }

  /** Suppresses an address reported as bounced or complained about. True when it was new. */
  public boolean bounce(BounceReport report) {
    return subscribers.suppress(report.address(), report.kind(), report.detail(), clock.millis());
  }

  private static String secret(SiteState state, String configured) {
    if (configured != null && !configured.isBlank()) return configured;
    var stored = state.get(SECRET_STATE);
    if (stored.isPresent()) return stored.get();
    state.put(SECRET_STATE, Hashes.nonce() + Hashes.nonce());
    return state.get(SECRET_STATE).orElseThrow();
  }

  private static String domain(String from) {
    int at = from.lastIndexOf('@');
    return at < 0 ? "localhost" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
  }

  @Override
  public void close() {
    if (schedule != null) schedule.close();
    worker.close();
  }
}
