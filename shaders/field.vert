#version 330 core
// A full-target triangle from the vertex id alone (no vertex buffer): covers [-1,1]^2.
// v_uv runs 0..1 across the target; (0,0) is the window's (x_min, y_min) corner.
out vec2 v_uv;

void main() {
  vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  v_uv = corner;
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
