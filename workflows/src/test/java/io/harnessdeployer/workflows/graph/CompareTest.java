package io.harnessdeployer.workflows.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.harnessdeployer.workflows.common.Names;
import io.harnessdeployer.workflows.graph.PropertyDiff.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompareTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, Object> json(String s) throws Exception {
    return JSON.readValue(s, new TypeReference<>() {});
  }

  @Test
  void equalTrees_noDiffs_whateverTheKeyOrder() throws Exception {
    Map<String, Object> a = json("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:Get\"],\"Resource\":\"*\"}]}");
    Map<String, Object> b = json("{ \"Statement\" : [ { \"Resource\":\"*\", \"Action\":[\"s3:Get\"],\n \"Effect\":\"Allow\" } ],\n \"Version\":\"2012-10-17\" }");
    assertEquals(List.of(), Compare.diff(Map.of("p", a), Map.of("p", b)));
  }

  @Test
  void changedLeafInAListInAMap_isNotEqualAtItsPath() throws Exception {
    Map<String, Object> desired = Map.of("inlinePolicies", Map.of("ReadZscalerSecrets",
        json("{\"Statement\":[{\"Resource\":[\"arn:a\",\"arn:a-*\"]}]}")));
    Map<String, Object> actual = Map.of("inlinePolicies", Map.of("ReadZscalerSecrets",
        json("{\"Statement\":[{\"Resource\":\"*\"}]}")));
    assertEquals(List.of(new PropertyDiff("inlinePolicies.ReadZscalerSecrets.Statement[0].Resource",
        List.of("arn:a", "arn:a-*"), "*", Kind.NOT_EQUAL)), Compare.diff(desired, actual));
  }

  @Test
  void liveOnlyKeyIsAdd_desiredOnlyKeyIsRemove() {
    Map<String, Object> desired = Map.of("tags", Map.of("a", "1", "b", "2"));
    Map<String, Object> actual = Map.of("tags", Map.of("b", "2", "c", "3"));
    assertEquals(List.of(new PropertyDiff("tags.a", "1", null, Kind.REMOVE),
        new PropertyDiff("tags.c", null, "3", Kind.ADD)), Compare.diff(desired, actual));
  }

  @Test
  void longerOrShorterLists_reportTheExtraIndexes() {
    assertEquals(List.of(new PropertyDiff("l[2]", null, "z", Kind.ADD)),
        Compare.diff(Map.of("l", List.of("x", "y")), Map.of("l", List.of("x", "y", "z"))));
    assertEquals(List.of(new PropertyDiff("l[1]", "y", null, Kind.REMOVE)),
        Compare.diff(Map.of("l", List.of("x", "y")), Map.of("l", List.of("x"))));
    assertEquals(List.of(new PropertyDiff("l[0]", "x", "y", Kind.NOT_EQUAL),
        new PropertyDiff("l[1]", "y", "x", Kind.NOT_EQUAL)),
        Compare.diff(Map.of("l", List.of("x", "y")), Map.of("l", List.of("y", "x"))), "list order counts");
  }

  @Test
  void aWholeSubtreeMissing_isOneRemoveOfTheSubtree() {
    Map<String, Object> policy = Map.of("Statement", List.of());
    assertEquals(List.of(new PropertyDiff("inlinePolicies.X", policy, null, Kind.REMOVE)),
        Compare.diff(Map.of("inlinePolicies", Map.of("X", policy)), Map.of("inlinePolicies", Map.of())));
  }

  @Test
  void differentShapes_areNotEqual_andNumbersCompareByValue() {
    assertEquals(List.of(new PropertyDiff("a", "*", List.of("*"), Kind.NOT_EQUAL)),
        Compare.diff(Map.of("a", "*"), Map.of("a", List.of("*"))));
    assertEquals(List.of(), Compare.diff(Map.of("n", 2L, "m", 1.0), Map.of("n", 2, "m", 1)));
    assertEquals(List.of(new PropertyDiff("n", 2, "2", Kind.NOT_EQUAL)),
        Compare.diff(Map.of("n", 2), Map.of("n", "2")), "a string is not a number");
    assertEquals(List.of(new PropertyDiff("b", true, false, Kind.NOT_EQUAL)),
        Compare.diff(Map.of("b", true), Map.of("b", false)));
  }

  @Test
  void nullValuesCountAsAbsent_andDiffsComeInPathOrder() {
    Map<String, Object> desired = new LinkedHashMap<>();
    desired.put("z", "1");
    desired.put("gone", null);
    desired.put("a", "1");
    Map<String, Object> actual = new LinkedHashMap<>();
    actual.put("gone", null);
    assertEquals(List.of(new PropertyDiff("a", "1", null, Kind.REMOVE), new PropertyDiff("z", "1", null, Kind.REMOVE)),
        Compare.diff(desired, actual));
    assertEquals(List.of(), Compare.diff(null, null));
  }

  @Test
  void observedComparable_dropsTheRunTag_andAMissingResourceIsEmpty() {
    Observed seen = new Observed(true, "ACTIVE", Map.of(Names.TAG_RUN, "r1", Names.TAG_DEPLOYMENT, "d"),
        Map.of("name", "n"));
    assertEquals(Map.of("name", "n", "status", "ACTIVE", "tags", Map.of(Names.TAG_DEPLOYMENT, "d")), seen.comparable());
    assertEquals(List.of(new PropertyDiff("name", "n", null, Kind.REMOVE)),
        Compare.diff(Map.of("name", "n"), Observed.missing().comparable()));
  }

  @Test
  void drift_comparesOnlyDeclaredProperties_butEverythingInsideThem() {
    Observed seen = new Observed(true, null, Map.of("a", "1", "extra", "x"),
        Map.of("arn", "arn:s-AbC", "deleted", false, "versionId", "v1"));
    assertEquals(List.of(new PropertyDiff("tags.extra", null, "x", Kind.ADD)),
        Compare.drift(Map.of("deleted", false, "tags", Map.of("a", "1")), seen));
    assertEquals(List.of(new PropertyDiff("deleted", false, null, Kind.REMOVE), new PropertyDiff("tags", Map.of("a", "1"), null, Kind.REMOVE)),
        Compare.drift(Map.of("deleted", false, "tags", Map.of("a", "1")), Observed.missing()));
    assertEquals(List.of(), Compare.drift(Map.of(), seen), "nothing declared, nothing compared");
  }
}
