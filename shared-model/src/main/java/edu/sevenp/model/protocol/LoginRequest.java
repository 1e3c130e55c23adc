package edu.sevenp.model.protocol;

/** {@code POST /auth/login}. */
public record LoginRequest(String email, String password, DeviceInfo device) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "LoginRequest[email=" + email + ", device=" + device + "]";
    }
}
