package io.harnessdeployer.workflows.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZscalerCredentialsTest {
  private static final String SECRET = "Pa55-w0rd#secret";
  private static final ZscalerCredentials CREDS =
      new ZscalerCredentials("client-1", SECRET, "cust-9", "acme", null);

  @Test
  void toStringMasksTheSecret() {
    String text = CREDS.toString();
    assertFalse(text.contains(SECRET), text);
    assertTrue(text.contains("clientSecret=****"), text);
    assertTrue(text.contains("client-1"), text);
  }

  @Test
  void sealRoundTripKeepsEveryField() {
    SealKey key = SealerTest.key(4);
    Sealed sealed = CREDS.seal(key);

    assertEquals(CREDS, ZscalerCredentials.unseal(key, sealed));
    assertFalse(sealed.ciphertext().contains(SECRET));
    ZscalerCredentials withCloud = new ZscalerCredentials("a", "b", null, null, "beta");
    assertEquals(withCloud, ZscalerCredentials.unseal(key, withCloud.seal(key)));
  }

  @Test
  void sealedCredentialsCannotBeOpenedUnderAnotherPurpose() {
    SealKey key = SealerTest.key(4);
    Sealed sealed = CREDS.seal(key);
    assertThrows(SealException.class, () -> new Sealer(key, "other").unseal(sealed));
    Sealed otherPurpose = new Sealer(key, "other").seal("{}");
    assertThrows(SealException.class, () -> ZscalerCredentials.unseal(key, otherPurpose));
  }

  @Test
  void undecodableJsonDoesNotEchoTheDecryptedText() {
    SealKey key = SealerTest.key(4);
    Sealed notJson = new Sealer(key, ZscalerCredentials.PURPOSE).seal("not json " + SECRET);
    SealException e = assertThrows(SealException.class, () -> ZscalerCredentials.unseal(key, notJson));
    assertFalse(e.getMessage().contains(SECRET));
    assertEquals(null, e.getCause());
  }

  @Test
  void sealedFormIsTheCompactSecretPayloadKeyedByEnvNames() {
    SealKey key = SealerTest.key(4);
    String json = new Sealer(key, ZscalerCredentials.PURPOSE).unsealString(CREDS.seal(key));
    assertEquals("{\"ZSCALER_CLIENT_ID\":\"client-1\",\"ZSCALER_CLIENT_SECRET\":\"" + SECRET
        + "\",\"ZSCALER_VANITY_DOMAIN\":\"acme\",\"ZSCALER_CUSTOMER_ID\":\"cust-9\"}", json);
    Sealed external = new Sealer(key, ZscalerCredentials.PURPOSE)
        .seal("{\"ZSCALER_CLIENT_ID\":\"a\",\"ZSCALER_CLIENT_SECRET\":\"b\",\"OTHER\":\"x\"}");
    assertEquals(new ZscalerCredentials("a", "b", null, null, null), ZscalerCredentials.unseal(key, external));
  }

  @Test
  void asEnvUsesTheSecretPayloadKeysAndSkipsBlanks() {
    var env = new ZscalerCredentials("id", "sec", " ", null, "production").asEnv();
    assertEquals(List.of("ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_CLOUD"), List.copyOf(env.keySet()));
    assertEquals("sec", env.get("ZSCALER_CLIENT_SECRET"));
  }
}
