package org.nivaran.grievance.notify;

import static org.nivaran.grievance.notify.NotificationKind.ASSIGNED;
import static org.nivaran.grievance.notify.NotificationKind.CITIZEN_DISSATISFIED;
import static org.nivaran.grievance.notify.NotificationKind.PRIORITY_CHANGED;
import static org.nivaran.grievance.notify.NotificationKind.CLOSED;
import static org.nivaran.grievance.notify.NotificationKind.ESCALATED_SUPERVISOR;
import static org.nivaran.grievance.notify.NotificationKind.ESCALATED_TO_YOU;
import static org.nivaran.grievance.notify.NotificationKind.FLAGGED;
import static org.nivaran.grievance.notify.NotificationKind.HANDOVER;
import static org.nivaran.grievance.notify.NotificationKind.OVERDUE_AT_TOP;
import static org.nivaran.grievance.notify.NotificationKind.REGISTERED;
import static org.nivaran.grievance.notify.NotificationKind.REOPENED_TO_YOU;
import static org.nivaran.grievance.notify.NotificationKind.SPECIAL_CLOSURE_NOTICE;
import static org.nivaran.grievance.notify.NotificationKind.SPECIAL_CLOSURE_REFUSED;
import static org.nivaran.grievance.notify.NotificationKind.SPECIAL_CLOSURE_REQUESTED;
import static org.nivaran.grievance.notify.NotificationKind.RESOLVED;
import static org.nivaran.grievance.notify.NotificationKind.RETURNED;
import static org.nivaran.grievance.notify.NotificationKind.TRANSFERRED_TO_YOU;
import static org.nivaran.grievance.directory.Language.ENGLISH;
import static org.nivaran.grievance.directory.Language.HINDI;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nivaran.grievance.InvalidInputException;
import org.nivaran.grievance.internal.Texts;
import org.nivaran.grievance.directory.Language;

/**
 * The texts of every {@link NotificationKind}, in English and, where given, other languages.
 *
 * <pre>{@code
 * Templates templates = Templates.defaults()
 *     .with(new Template(NotificationKind.REGISTERED, Language.ENGLISH,
 *         "Jan Samasya Nivaran: complaint {complaintId} registered."));
 * String text = templates.render(NotificationKind.REGISTERED, Language.HINDI, values);
 * }</pre>
 *
 * <p>Every set of templates has an English text for every kind; a kind without a text in the
 * language asked for is rendered in English. {@link #defaults()} has English and Hindi (Devanagari)
 * texts for every kind; docs/notifications.md lists them.
 *
 * <p>Immutable and thread-safe.
 */
public final class Templates {
  private static final Templates DEFAULTS = defaultTemplates();

  private final Map<NotificationKind, Map<Language, Template>> table;

  private Templates(Map<NotificationKind, Map<Language, Template>> table) {
    this.table = table;
  }

  /**
   * The built-in English and Hindi texts.
   *
   * @return the default templates
   */
  public static Templates defaults() {
    return DEFAULTS;
  }

  /**
   * A builder with no templates; add an English one for every kind before {@link Builder#build()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * These templates with one added, or replacing the one of the same kind and language.
   *
   * @param template the template
   * @return the new templates
   */
  public Templates with(Template template) {
    return builder().from(this).add(template).build();
  }

  /**
   * The template of a kind in exactly this language.
   *
   * @param kind the kind
   * @param language the language
   * @return the template, or empty if there is none in that language
   */
  public Optional<Template> find(NotificationKind kind, Language language) {
    Texts.required(kind, "kind");
    Texts.required(language, "language");
    return Optional.ofNullable(table.get(kind).get(language));
  }

  /**
   * The template to use for a kind and language: the one in that language, else the English one.
   *
   * @param kind the kind
   * @param language the language wanted
   * @return the template
   */
  public Template templateFor(NotificationKind kind, Language language) {
    return find(kind, language).orElseGet(() -> table.get(kind).get(ENGLISH));
  }

  /**
   * Every template, by kind and then language, in declaration order.
   *
   * @return the templates
   */
  public List<Template> all() {
    List<Template> all = new ArrayList<>();
    table.values().forEach(byLanguage -> all.addAll(byLanguage.values()));
    return Collections.unmodifiableList(all);
  }

  /**
   * Renders the text of a kind in a language, falling back to English; see {@link Template#render}.
   *
   * @param kind the kind
   * @param language the language wanted
   * @param values the value of each placeholder, by name without braces
   * @return the text
   * @throws InvalidInputException (field {@code values}) naming a placeholder without a value
   */
  public String render(NotificationKind kind, Language language, Map<String, String> values) {
    return templateFor(kind, language).render(values);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Templates t && table.equals(t.table);
  }

  @Override
  public int hashCode() {
    return table.hashCode();
  }

  @Override
  public String toString() {
    return "Templates" + all();
  }

  /** Builds {@link Templates}. Not thread-safe; use one builder per thread. */
  public static final class Builder {
    private final Map<NotificationKind, Map<Language, Template>> table = new EnumMap<>(NotificationKind.class);

    private Builder() {}

    /**
     * Adds every template of {@code templates}, replacing those of the same kind and language.
     *
     * @param templates the templates to start from, e.g. {@link Templates#defaults()}
     * @return this builder
     */
    public Builder from(Templates templates) {
      Texts.required(templates, "templates").all().forEach(this::add);
      return this;
    }

    /**
     * Adds a template, replacing one of the same kind and language.
     *
     * @param template the template
     * @return this builder
     */
    public Builder add(Template template) {
      Texts.required(template, "template");
      table.computeIfAbsent(template.kind(), k -> new EnumMap<>(Language.class)).put(template.language(), template);
      return this;
    }

    /**
     * Builds the templates, copying what was added.
     *
     * @return the templates
     * @throws InvalidInputException (field {@code templates}) if a kind has no English template
     */
    public Templates build() {
      Map<NotificationKind, Map<Language, Template>> copy = new EnumMap<>(NotificationKind.class);
      for (NotificationKind kind : NotificationKind.values()) {
        Map<Language, Template> byLanguage = table.get(kind);
        if (byLanguage == null || !byLanguage.containsKey(ENGLISH)) {
          throw new InvalidInputException("templates", "has no English template for " + kind);
        }
        copy.put(kind, Collections.unmodifiableMap(new EnumMap<>(byLanguage)));
      }
      return new Templates(Collections.unmodifiableMap(copy));
    }
  }

  private static Templates defaultTemplates() {
    Builder b = builder();
    b.add(new Template(REGISTERED, ENGLISH,
        "Your complaint {complaintId} ({category}) has been registered. Please quote this number in any enquiry."));
    b.add(new Template(REGISTERED, HINDI,
        "आपकी शिकायत {complaintId} ({category}) दर्ज कर ली गई है। आगे की जानकारी के लिए यही क्रमांक बताएँ।"));
    b.add(new Template(ASSIGNED, ENGLISH,
        "New complaint {complaintId} ({category}) assigned to your post {postTitle} at {level}. Resolve by {deadline}."));
    b.add(new Template(ASSIGNED, HINDI,
        "नई शिकायत {complaintId} ({category}) आपके पद {postTitle} को स्तर {level} पर सौंपी गई है। निराकरण की समय-सीमा: {deadline}।"));
    b.add(new Template(TRANSFERRED_TO_YOU, ENGLISH,
        "Complaint {complaintId} ({category}) transferred to your post {postTitle}. Reason: {reason}. Resolve by {deadline}."));
    b.add(new Template(TRANSFERRED_TO_YOU, HINDI,
        "शिकायत {complaintId} ({category}) आपके पद {postTitle} को अंतरित की गई है। कारण: {reason}। निराकरण की समय-सीमा: {deadline}।"));
    b.add(new Template(ESCALATED_TO_YOU, ENGLISH,
        "Complaint {complaintId} ({category}) escalated to your post {postTitle} at {level}. Reason: {reason}. Resolve by {deadline}."));
    b.add(new Template(ESCALATED_TO_YOU, HINDI,
        "शिकायत {complaintId} ({category}) स्तर {level} पर आपके पद {postTitle} को भेजी गई है। कारण: {reason}। निराकरण की समय-सीमा: {deadline}।"));
    b.add(new Template(ESCALATED_SUPERVISOR, ENGLISH,
        "For your attention: complaint {complaintId} ({category}) escalated to {postTitle} ({post}) at {level}. Reason: {reason}."));
    b.add(new Template(ESCALATED_SUPERVISOR, HINDI,
        "सूचनार्थ: शिकायत {complaintId} ({category}) स्तर {level} पर {postTitle} ({post}) को भेजी गई है। कारण: {reason}।"));
    b.add(new Template(RETURNED, ENGLISH,
        "Your reply on complaint {complaintId} was returned. Reason: {reason}. Please file a proper reply by {deadline}."));
    b.add(new Template(RETURNED, HINDI,
        "शिकायत {complaintId} पर आपका उत्तर लौटाया गया है। कारण: {reason}। कृपया {deadline} तक उचित उत्तर दर्ज करें।"));
    b.add(new Template(REOPENED_TO_YOU, ENGLISH,
        "Complaint {complaintId} ({category}) has been reopened with your post {postTitle} at {level}. Reason: {reason}. Resolve by {deadline}."));
    b.add(new Template(REOPENED_TO_YOU, HINDI,
        "शिकायत {complaintId} ({category}) स्तर {level} पर आपके पद {postTitle} के पास पुनः खोली गई है। कारण: {reason}। निराकरण की समय-सीमा: {deadline}।"));
    b.add(new Template(CITIZEN_DISSATISFIED, ENGLISH,
        "The citizen is not satisfied with the reply on complaint {complaintId} ({category}); it is now with your post {postTitle} at {level}. Citizen's reason: {reason}. Resolve by {deadline}."));
    b.add(new Template(CITIZEN_DISSATISFIED, HINDI,
        "शिकायत {complaintId} ({category}) के उत्तर से नागरिक संतुष्ट नहीं है; अब यह स्तर {level} पर आपके पद {postTitle} के पास है। नागरिक का कारण: {reason}। निराकरण की समय-सीमा: {deadline}।"));
    b.add(new Template(PRIORITY_CHANGED, ENGLISH,
        "The priority of complaint {complaintId} ({category}) with your post {postTitle} at {level} has changed: {reason}. Resolve by {deadline}."));
    b.add(new Template(PRIORITY_CHANGED, HINDI,
        "स्तर {level} पर आपके पद {postTitle} के पास शिकायत {complaintId} ({category}) की प्राथमिकता बदली गई है: {reason}। निराकरण की समय-सीमा: {deadline}।"));
    b.add(new Template(RESOLVED, ENGLISH,
        "Dear {citizenName}, a reply has been filed on your complaint {complaintId}. You will be contacted to confirm whether you are satisfied."));
    b.add(new Template(RESOLVED, HINDI,
        "{citizenName} जी, आपकी शिकायत {complaintId} पर निराकरण दर्ज किया गया है। आपकी संतुष्टि जानने के लिए आपसे संपर्क किया जाएगा।"));
    b.add(new Template(CLOSED, ENGLISH,
        "Your complaint {complaintId} has been closed. Remark: {reason}."));
    b.add(new Template(CLOSED, HINDI,
        "आपकी शिकायत {complaintId} बंद कर दी गई है। टिप्पणी: {reason}।"));
    b.add(new Template(HANDOVER, ENGLISH,
        "You have taken charge of the post {postTitle} ({post}). Pending complaints: {count}. Numbers: {ids}"));
    b.add(new Template(HANDOVER, HINDI,
        "आपने पद {postTitle} ({post}) का प्रभार ग्रहण किया है। लंबित शिकायतें: {count}। क्रमांक: {ids}"));
    b.add(new Template(OVERDUE_AT_TOP, ENGLISH,
        "Complaint {complaintId} ({category}) is past its deadline ({deadline}) at the top level {level}, post {post}. Reason: {reason}."));
    b.add(new Template(OVERDUE_AT_TOP, HINDI,
        "शिकायत {complaintId} ({category}) शीर्ष स्तर {level} पर पद {post} के पास समय-सीमा ({deadline}) पार कर चुकी है। कारण: {reason}।"));
    b.add(new Template(FLAGGED, ENGLISH,
        "Complaint {complaintId} ({category}) at {level}, post {post}, has been flagged for your attention. Reason: {reason}."));
    b.add(new Template(FLAGGED, HINDI,
        "शिकायत {complaintId} ({category}) (स्तर {level}, पद {post}) आपके ध्यान हेतु चिह्नित की गई है। कारण: {reason}।"));
    b.add(new Template(SPECIAL_CLOSURE_REQUESTED, ENGLISH,
        "Complaint {complaintId} ({category}) at {level}, post {post}: its officer asks for a special closure. Reason: {reason}. Please approve or refuse with a remark."));
    b.add(new Template(SPECIAL_CLOSURE_REQUESTED, HINDI,
        "शिकायत {complaintId} ({category}) (स्तर {level}, पद {post}): अधिकारी ने विशेष निस्तारण का अनुरोध किया है। कारण: {reason}। कृपया टिप्पणी सहित स्वीकृत या अस्वीकृत करें।"));
    b.add(new Template(SPECIAL_CLOSURE_NOTICE, ENGLISH,
        "Dear {citizenName}, your complaint {complaintId} is being closed without further action because {reason}."));
    b.add(new Template(SPECIAL_CLOSURE_NOTICE, HINDI,
        "{citizenName} जी, आपकी शिकायत {complaintId} इस कारण बंद की जा रही है: {reason}।"));
    b.add(new Template(SPECIAL_CLOSURE_REFUSED, ENGLISH,
        "The special closure you asked for on complaint {complaintId} was refused. Remark: {reason}. Please act on it by {deadline}."));
    b.add(new Template(SPECIAL_CLOSURE_REFUSED, HINDI,
        "शिकायत {complaintId} पर आपका विशेष निस्तारण अनुरोध अस्वीकृत हुआ। टिप्पणी: {reason}। कृपया {deadline} तक कार्यवाही करें।"));
    return b.build();
  }
}
