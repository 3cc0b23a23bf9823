package org.nivaran.grievance.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the staff endpoints ({@code /api/staff/**}) and Open311's {@code POST requests}
 * by a bearer token ({@code Authorization: Bearer <token>}, or, for Open311, its {@code api_key}
 * parameter) from {@code reference.callers}, and puts the {@link Caller} in the request attribute
 * {@link Caller#ATTRIBUTE}. A missing or unknown token is a 401 problem with
 * {@code WWW-Authenticate: Bearer}; the token is never logged or echoed. Other endpoints (the
 * Open311 reads and the citizen's lookup) are open.
 *
 * <p>A simple scheme for a reference service; a host would use its own sign-on. Thread-safe: the
 * token table is read-only.
 */
public final class BearerTokenFilter extends OncePerRequestFilter {
  private final Map<String, Caller> callers;
  private final ObjectMapper json;

  /**
   * A filter over a token table.
   *
   * @param callers the callers by token
   * @param json the mapper the problem is written with
   */
  public BearerTokenFilter(Map<String, Caller> callers, ObjectMapper json) {
    this.callers = Map.copyOf(callers);
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean open311Create = "POST".equals(request.getMethod()) && path.equals("/open311/v2/requests.json");
    return !(path.startsWith("/api/staff/") || open311Create);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Caller> caller = token(request).flatMap(this::find);
    if (caller.isEmpty()) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
          "a bearer token of a known caller is required (Authorization: Bearer <token>)");
      problem.setType(URI.create(Problems.TYPE_BASE + "unauthenticated"));
      problem.setTitle("Unauthenticated");
      problem.setProperty("rule", "BEARER_TOKEN_REQUIRED");
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    request.setAttribute(Caller.ATTRIBUTE, caller.get());
    chain.doFilter(request, response);
  }

  private static Optional<String> token(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(header.substring(7).strip()).filter(t -> !t.isEmpty());
    }
    return Optional.ofNullable(request.getParameter("api_key")).filter(t -> !t.isBlank());
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
