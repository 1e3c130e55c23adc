package edu.sevenp.model.protocol;

/** {@code POST /auth/refresh}. */
public record RefreshRequest(String refreshToken) {

    /** Never prints the token. */
    @Override
    public String toString() {
        return "RefreshRequest[…]";
    }
}
