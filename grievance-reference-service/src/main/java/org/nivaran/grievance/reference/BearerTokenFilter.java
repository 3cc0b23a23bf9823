package org.nivaran.grievance.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Authenticates every request by a bearer token ({@code Authorization: Bearer <token>}) from
 * {@code reference.callers} and puts the {@link Caller} in the request attribute
 * {@link Caller#ATTRIBUTE}, except the open endpoints: {@code GET /open311/v2/services.json},
 * {@code GET /open311/v2/requests.json}, {@code GET /open311/v2/requests/{id}.json},
 * {@code GET /actuator/health} and {@code POST /api/citizen/status}. Everything else, the staff endpoints, Open311's
 * {@code POST requests.json} and any path not listed, needs a token: protected by default.
 *
 * <p>The decision is made on the path as Spring MVC routes it: decoded ({@code %73taff} is
 * {@code staff}), without {@code ;matrix} parameters, with repeated slashes collapsed, so no
 * spelling of a staff path reaches a handler unauthenticated. Open311's create may carry the
 * token as its {@code api_key} form field instead, in the form body only: an {@code api_key} in
 * a query string is refused (a token in a URL lands in logs). A missing or unknown token is a
 * 401 problem with {@code WWW-Authenticate: Bearer}; the token is never logged or echoed.
 *
 * <p>A simple scheme for a reference service; a host would use its own sign-on. Thread-safe: the
 * token table is read-only.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {
  /** The Open311 create, the one endpoint that may carry its token as an {@code api_key} form field. */
  static final String OPEN311_CREATE = "/open311/v2/requests.json";
  /** Actuator's health, open for load balancers: statuses of its components only, no details. */
  static final String HEALTH = "/actuator/health";

  private static final Pattern OPEN311_ONE = Pattern.compile("/open311/v2/requests/[^/]+\\.json");

  private final Map<String, Caller> callers;
  private final ObjectMapper json;
  private final UrlPathHelper paths = new UrlPathHelper();

  /**
   * A filter over a token table.
   *
   * @param callers the callers by token
   * @param json the mapper the problem is written with
   */
  public BearerTokenFilter(Map<String, Caller> callers, ObjectMapper json) {
    this.callers = Map.copyOf(callers);
    this.json = json;
    paths.setUrlDecode(true);
    paths.setRemoveSemicolonContent(true);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return isOpen(request.getMethod(), path(request));
  }

  /**
   * The path within the application as Spring MVC matches it: decoded, without {@code ;} content,
   * repeated slashes collapsed.
   */
  String path(HttpServletRequest request) {
    return paths.getPathWithinApplication(request);
  }

  /**
   * Whether a normalised path is one of the open endpoints.
   *
   * @param method the HTTP method
   * @param path the normalised path within the application
   * @return true for the allow-listed reads (Open311, health) and the citizen's lookup
   */
  static boolean isOpen(String method, String path) {
    if ("GET".equals(method) || "HEAD".equals(method)) {
      return path.equals("/open311/v2/services.json") || path.equals(OPEN311_CREATE)
          || OPEN311_ONE.matcher(path).matches() || path.equals(HEALTH);
    }
    return "POST".equals(method) && path.equals("/api/citizen/status");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean open311Create = "POST".equals(request.getMethod()) && path(request).equals(OPEN311_CREATE);
    if (open311Create && queryHasApiKey(request.getQueryString())) {
      unauthenticated(response, "api_key is accepted in the form body only, never in the URL;"
          + " or send Authorization: Bearer <token>");
      return;
    }
    Optional<Caller> caller = token(request, open311Create).flatMap(this::find);
    if (caller.isEmpty()) {
      unauthenticated(response, "a bearer token of a known caller is required (Authorization: Bearer <token>)");
      return;
    }
    request.setAttribute(Caller.ATTRIBUTE, caller.get());
    chain.doFilter(request, response);
  }

  private void unauthenticated(HttpServletResponse response, String detail) throws IOException {
    ProblemDetail problem = Problems.unauthenticated(detail);
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), problem);
  }

  private static boolean queryHasApiKey(String query) {
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&")) {
      String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      try {
        key = URLDecoder.decode(key, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        // an undecodable key is not api_key as the container reads it either; keep it raw
      }
      if (key.equals("api_key")) {
        return true;
      }
    }
    return false;
  }

  private static Optional<String> token(HttpServletRequest request, boolean open311Create) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(header.substring(7).strip()).filter(t -> !t.isEmpty());
    }
    if (open311Create && isForm(request.getContentType())) {
      // The query string holds no api_key (refused above), so this one is the form body's.
      return Optional.ofNullable(request.getParameter("api_key")).filter(t -> !t.isBlank());
    }
    return Optional.empty();
  }

  private static boolean isForm(String type) {
    try {
      return type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  /** Compares every known token in constant time, so timing does not tell how much of one matched. */
  private Optional<Caller> find(String token) {
    byte[] given = token.getBytes(StandardCharsets.UTF_8);
    Caller found = null;
    for (Map.Entry<String, Caller> e : callers.entrySet()) {
      if (MessageDigest.isEqual(given, e.getKey().getBytes(StandardCharsets.UTF_8))) {
        found = e.getValue();
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The token table from the properties.
   *
   * @param entries the configured callers
   * @return the callers by token
   * @throws IllegalStateException naming the entry if one lacks its token, role or id, or repeats a token
   */
  static Map<String, Caller> table(List<ReferenceProperties.CallerEntry> entries) {
    Map<String, Caller> out = new java.util.HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      ReferenceProperties.CallerEntry e = entries.get(i);
      if (e.getToken() == null || e.getToken().isBlank() || e.getRole() == null || e.getId() == null
          || e.getId().isBlank()) {
        throw new IllegalStateException("reference.callers[" + i + "] needs a token, a role and an id");
      }
      if (out.put(e.getToken(), new Caller(e.getRole(), e.getId())) != null) {
        throw new IllegalStateException("reference.callers[" + i + "] repeats another caller's token");
      }
    }
    return out;
  }
}
