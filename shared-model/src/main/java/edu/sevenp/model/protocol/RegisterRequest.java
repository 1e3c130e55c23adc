package edu.sevenp.model.protocol;

/** {@code POST /auth/register}. */
public record RegisterRequest(String email, String password, String name) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "RegisterRequest[email=" + email + ", name=" + name + "]";
    }
}
