package org.nivaran.grievance.reference;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a handler's {@link Caller} parameter the caller {@link BearerTokenFilter} found. A request
 * that reaches such a handler without one (which the filter's protect-by-default rule should never
 * let happen) is answered 401 {@code BEARER_TOKEN_REQUIRED}, never a 400 naming the request
 * attribute.
 *
 * <p>Stateless; thread-safe.
 */
public final class CallerArgumentResolver implements HandlerMethodArgumentResolver {
  /** Created by {@link ReferenceConfiguration}. */
  public CallerArgumentResolver() {}

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Caller.class;
  }

  @Override
  public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
    Object caller = webRequest.getAttribute(Caller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (caller instanceof Caller c) {
      return c;
    }
    throw new ServiceRefusal(HttpStatus.UNAUTHORIZED, "BEARER_TOKEN_REQUIRED", null,
        "a bearer token of a known caller is required (Authorization: Bearer <token>)");
  }
}
